Feature: Audiences that pull apart
  When one audience is under 30 and another 65 and over, the report says they use different
  platforms and favours the channels that serve both; one audience's penalty does not remove a
  channel the other needs.

  Scenario: young and old audiences get a finding and the channels that serve both
    Given a minimal "hospital" profile
    And the audiences:
      | segment          | ages   |
      | seniors          | 65-plus |
      | job_candidates   | 18-29  |
    When the advisor assesses the profile
    Then the rule "people.conflict.young-and-old" fires
    And a "info" finding "audiences-pull-apart" is raised
    And a reason for "youtube" cites the rule "people.conflict.young-and-old"

  Scenario: the seniors' penalty on Instagram does not count against the young audience's need
    Given a minimal "academic_medical_center" profile
    And the team has 20 staff hours per week
    And the team has the skills "writing, design and video"
    And the audiences:
      | segment               | ages    |
      | seniors               | 65-plus |
      | residency_applicants  | 18-29   |
    And a measurable "talking" objective for "resident_recruitment"
    When the advisor assesses the profile
    Then the rule "people.age.seniors" fires
    And the rule "people.age.seniors" does not count against "instagram"
    And "instagram" is recommended

  Scenario: a penalty stands for a channel only the penalised audience is scored on
    Given a minimal "hospital" profile
    And the audiences:
      | segment | ages    |
      | seniors | 65-plus |
    When the advisor assesses the profile
    Then "tiktok" is not recommended
    And the tier of "tiktok" is "not recommended"

  Scenario: a single age group raises no conflict
    Given a minimal "hospital" profile
    And the audiences:
      | segment | ages    |
      | seniors | 65-plus |
    When the advisor assesses the profile
    Then the rule "people.conflict.young-and-old" does not fire
