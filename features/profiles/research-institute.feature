Feature: A research institute whose papers go unread outside the journal
  Its peers moved from X to Bluesky and LinkedIn; legal review slows every post.

  Background:
    Given the profile "profiles/research-institute.yaml"

  Scenario: LinkedIn, email and the blog carry releases; X is not invested in further
    When the advisor assesses the profile
    Then the top channel is "linkedin"
    And "blog" is among the top 3 channels
    And "x_twitter" is not recommended
    And a "info" finding "x-volatility" is raised

  Scenario: legal review makes the institute not real-time ready
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.legal-review" fires
    And the rule "bottlenecks.realtime.not-ready" fires

  Scenario: success is downloads, not followers
    When the advisor assesses the profile
    Then a KPI mentioning "downloads" is suggested
