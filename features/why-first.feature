Feature: Why first: a channel is not a strategy
  The seed case of the method: a medical association whose leadership says "we have to be on
  Twitter", with no measurable objective. The advisor must not answer with Twitter.

  Scenario: an association that "has to be on Twitter" with no measurable objective
    Given the profile "profiles/medical-association.yaml"
    And the organization has to be on "x_twitter"
    And the organization has no measurable objectives
    When the advisor assesses the profile
    Then a "blocker" finding "objectives-not-measurable" is raised
    And the profile is not ready
    And "x_twitter" is not among the top 3 channels
    And "x_twitter" is not recommended
    And "x_twitter" is blocked
    And the block on "x_twitter" lifts when "measurable objective"

  Scenario: the same association with a measurable objective is ready to choose
    Given the profile "profiles/medical-association.yaml"
    And every objective is measurable
    When the advisor assesses the profile
    Then no finding "objectives-not-measurable" is raised
    And the rule "technology.required.x-needs-use-case" does not fire

  Scenario: physicians who are asked to talk are met on professional networks
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.physicians.professional-networks" fires
    And "linkedin" is recommended
    And a reason for "linkedin" cites the rule "people.physicians.professional-networks"
    And a reason for "linkedin" mentions "professional networks"

  Scenario Outline: the physicians rule stays silent for other audiences
    Given a minimal "<type>" profile
    And an audience of "<segment>"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.physicians.professional-networks" does not fire

    Examples:
      | type                       | segment          |
      | hospital                   | local_public     |
      | patient_advocacy_nonprofit | patients_chronic |
