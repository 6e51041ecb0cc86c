Feature: The seed case: a medical association that "has to be on Twitter"
  A specialty society's leadership wants to be on Twitter, and its only objective is "be more
  visible". The method's first question is "Why?": without a measurable objective the advisor
  must say it is not ready, and must not answer with Twitter.

  Background:
    Given the profile "profiles/medical-association.yaml"

  Scenario: "be more visible" is not a measurable objective, so the "Why?" blocker is raised
    When the advisor assesses the profile
    Then a "blocker" finding "objectives-not-measurable" is raised
    And the finding "objectives-not-measurable" mentions "SMART"
    And the profile is not ready

  Scenario: the demanded channel gets no credit and does not come first
    When the advisor assesses the profile
    Then a "warning" finding "required-channel-not-a-reason" is raised
    And "x_twitter" is blocked
    And the block on "x_twitter" lifts when "measurable objective"
    And "x_twitter" is not among the top 3 channels

  Scenario: the members are met where physicians already are: email, LinkedIn and Doximity
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And "linkedin" is among the top 3 channels
    And "doximity" is among the top 3 channels
    And a reason for "linkedin" mentions "professional networks"

  Scenario: spectator physicians and six hours a week do not sustain a member community
    When the advisor assesses the profile
    Then "member_community" is not recommended
    And "podcast" is not recommended

  Scenario: once the objective is measurable the blocker lifts, but X still has to earn its place
    Given every objective is measurable
    When the advisor assesses the profile
    Then no finding "objectives-not-measurable" is raised
    And "x_twitter" is not blocked
    And "x_twitter" is not recommended
    And a "info" finding "x-volatility" is raised
