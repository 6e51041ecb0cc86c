Feature: Resources rules: staff hours, skills, expert time and moderation decide what is realistic
  Capacity bands are derived facts that other rules read (forward chaining). Each scenario pair
  proves a resources rule fires on its case and stays silent otherwise.

  Scenario Outline: staff hours become a capacity band
    Given a minimal "small_nonprofit" profile
    And the team has <hours> staff hours per week
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And the fact "capacity" is derived
    And the rule "<silent>" does not fire

    Examples:
      | hours | rule                     | silent                   |
      | 4     | resources.capacity.low    | resources.capacity.medium |
      | 5     | resources.capacity.medium | resources.capacity.low    |
      | 19    | resources.capacity.medium | resources.capacity.high   |
      | 20    | resources.capacity.high   | resources.capacity.medium |

  Scenario: no staff time at all is a blocker
    Given a minimal "small_nonprofit" profile
    And the team has 0 staff hours per week
    When the advisor assesses the profile
    Then the rule "resources.capacity.none" fires
    And a "blocker" finding "no-staff-time" is raised

  Scenario: one hour a week is little, but not nothing
    Given a minimal "small_nonprofit" profile
    And the team has 1 staff hours per week
    When the advisor assesses the profile
    Then the rule "resources.capacity.none" does not fire

  Scenario: a small team gets email plus one channel and no community to build
    Given a minimal "small_nonprofit" profile
    And the team has 4 staff hours per week
    And a measurable "supporting" objective
    When the advisor assesses the profile
    Then the rule "resources.capacity.small-team" fires
    And a "warning" finding "small-team-one-channel" is raised
    And "member_community" is blocked
    And the block on "member_community" lifts when "5-10 staff hours"
    And the top channel is "email_newsletter"

  Scenario: a medium team is not treated as a small one
    Given a minimal "small_nonprofit" profile
    And the team has 10 staff hours per week
    When the advisor assesses the profile
    Then the rule "resources.capacity.small-team" does not fire
    And the rule "resources.capacity.medium-two-channels" fires
    And a "info" finding "two-channels-max" is raised

  Scenario: a large team is not held to two channels
    Given a minimal "hospital" profile
    And the team has 30 staff hours per week
    When the advisor assesses the profile
    Then the rule "resources.capacity.medium-two-channels" does not fire

  Scenario: high capacity with a supporting objective makes a community realistic
    Given a minimal "health_professional_association" profile
    And the team has 30 staff hours per week
    And a measurable "supporting" objective
    When the advisor assesses the profile
    Then the rule "resources.capacity.high-community" fires

  Scenario: high capacity with only a talking objective does not push a community
    Given a minimal "health_professional_association" profile
    And the team has 30 staff hours per week
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "resources.capacity.high-community" does not fire

  Scenario Outline: missing skills lower the formats that need them
    Given a minimal "hospital" profile
    And the team has the skills "<skills>"
    When the advisor assesses the profile
    Then the rule "<rule>" fires

    Examples:
      | skills  | rule                                   |
      | writing | resources.skills.no-video              |
      | writing | resources.skills.no-audio              |
      | video   | resources.skills.no-writing            |
      | writing | resources.skills.no-community-management |

  Scenario Outline: having the skill silences the missing-skill rule
    Given a minimal "hospital" profile
    And the team has the skills "<skills>"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | skills                           | rule                                   |
      | writing and video                | resources.skills.no-video              |
      | writing and audio                | resources.skills.no-audio              |
      | writing                          | resources.skills.no-writing            |
      | writing and community_management | resources.skills.no-community-management |

  Scenario: a team without writing skills is warned before any launch
    Given a minimal "hospital" profile
    And the team has no skills
    When the advisor assesses the profile
    Then a "warning" finding "no-writing-skills" is raised

  Scenario: video skills open YouTube
    Given a minimal "hospital" profile
    And the team has the skills "writing and video"
    When the advisor assesses the profile
    Then the rule "resources.skills.video" fires
    And the tier of "youtube" is "worth considering"
    And "youtube" needs "an audience or objective"

  Scenario: without video skills YouTube only hosts existing recordings
    Given a minimal "hospital" profile
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "resources.skills.video" does not fire
    And "tiktok" is not recommended

  Scenario: design skills favour visual channels
    Given a minimal "health_foundation" profile
    And the team has the skills "writing and design"
    When the advisor assesses the profile
    Then the rule "resources.skills.design" fires

  Scenario: without design skills the visual bonus does not apply
    Given a minimal "health_foundation" profile
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "resources.skills.design" does not fire

  Scenario: audio skills, expert time and a clinician audience make a podcast
    Given a minimal "cme_provider" profile
    And an audience of "physicians"
    And the team has the skills "writing and audio"
    And the resources' sme_hours_per_month is 8
    When the advisor assesses the profile
    Then the rule "resources.skills.podcast" fires
    And "podcast" is recommended

  Scenario: audio skills without expert time make no podcast
    Given a minimal "cme_provider" profile
    And an audience of "physicians"
    And the team has the skills "writing and audio"
    And the resources' sme_hours_per_month is 1
    When the advisor assesses the profile
    Then the rule "resources.skills.podcast" does not fire
    And "podcast" is not recommended

  Scenario: audio skills and expert time for a donor audience make no learning podcast
    Given a minimal "health_foundation" profile
    And an audience of "donors_small"
    And the team has the skills "writing and audio"
    And the resources' sme_hours_per_month is 8
    When the advisor assesses the profile
    Then the rule "resources.skills.podcast" does not fire

  Scenario: scarce expert time is derived and steers talking to staff-written content
    Given a minimal "medical_association" profile
    And the resources' sme_hours_per_month is 2
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "resources.sme.scarce" fires
    And the fact "sme_time" is derived
    And the rule "resources.sme.batch-review" fires

  Scenario: enough expert time is not scarce
    Given a minimal "medical_association" profile
    And the resources' sme_hours_per_month is 10
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "resources.sme.scarce" does not fire
    And the fact "sme_time" is not derived
    And the rule "resources.sme.batch-review" does not fire

  Scenario: scarce experts without a talking objective need no batch review
    Given a minimal "medical_association" profile
    And the resources' sme_hours_per_month is 2
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "resources.sme.batch-review" does not fire

  Scenario: nobody moderating blocks hosting a community
    Given a minimal "medical_association" profile
    And the resources' moderation is "none"
    When the advisor assesses the profile
    Then the rule "resources.moderation.none" fires
    And "member_community" is blocked
    And the block on "member_community" lifts when "moderation coverage"
    And "facebook_group" is not blocked

  Scenario: business-hours moderation lifts the moderation block
    Given a minimal "medical_association" profile
    And the resources' moderation is "business_hours"
    When the advisor assesses the profile
    Then the rule "resources.moderation.none" does not fire
    And the rule "resources.moderation.business-hours" fires

  Scenario: round-the-clock moderation needs no posted hours
    Given a minimal "medical_association" profile
    And the resources' moderation is "24x7"
    When the advisor assesses the profile
    Then the rule "resources.moderation.business-hours" does not fire
