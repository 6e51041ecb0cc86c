Feature: A very small diabetes charity with four hours a week
  One part-time coordinator, no moderation and no social policy: email first, at most one
  social channel, and no community to host yet.

  Background:
    Given the profile "profiles/small-nonprofit.yaml"

  Scenario: four hours a week means email plus at most one channel
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And a "warning" finding "small-team-one-channel" is raised

  Scenario: no moderation, no policy and no hours: hosting a community is blocked
    When the advisor assesses the profile
    Then "member_community" is blocked
    And the block on "member_community" lifts when "staff hours"

  Scenario: no video skills and older patients keep TikTok off the list
    When the advisor assesses the profile
    Then "tiktok" is not recommended
    And "x_twitter" is not recommended

  Scenario: twenty hours a week lift the small-team limit
    Given the team has 20 staff hours per week
    When the advisor assesses the profile
    Then no finding "small-team-one-channel" is raised
    And the rule "resources.capacity.high" fires
