Feature: An accredited CME company with falling enrolment
  Clinicians find CME through email, associations and search; Twitter gave this provider poor
  results; ACCME's independence standards apply to everything it posts.

  Background:
    Given the profile "profiles/cme-provider.yaml"

  Scenario: enrolment is won by email, not by more tweets
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And a reason for "email_newsletter" mentions "direct"
    And "x_twitter" is not recommended
    And a "info" finding "channel-poor-results" is raised

  Scenario: faculty time and audio skills make a podcast the second format
    When the advisor assesses the profile
    Then "podcast" is among the top 3 channels
    And a reason for "podcast" cites the rule "resources.skills.podcast"

  Scenario: accredited education stays off ad-supported platforms; social only promotes it
    When the advisor assesses the profile
    Then the rule "constraints.accme.ad-adjacency" fires
    And the rule "constraints.accme.commercial-support" fires
    And the rule "constraints.accme.learner-data" fires
    And the rule "constraints.accme.case-discussion" fires

  Scenario: ACCME rules do not require pre-approval, so no compliance-speed warning, but slow approval still rules out reactive posting
    When the advisor assesses the profile
    Then no finding "compliance-and-speed" is raised
    And the fact "compliance_burden" is not derived
    And "bluesky_mastodon" is not recommended

  Scenario: enrolment and completion are measured as outcomes
    When the advisor assesses the profile
    Then a KPI mentioning "registrations from tracked links" is suggested
    And a KPI mentioning "completion rate" is suggested
    And the profile is ready
