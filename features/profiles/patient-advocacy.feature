Feature: A rare-disease advocacy nonprofit that joins families where they already are
  Families gather in private Facebook groups and want experts in them; the strategy is to join.

  Background:
    Given the profile "profiles/patient-advocacy.yaml"

  Scenario: joining existing Facebook groups comes before building a community
    When the advisor assesses the profile
    Then "facebook_group" is among the top 2 channels
    And a reason for "facebook_group" mentions "rather than building"
    And "member_community" is not recommended

  Scenario: fundraising converts by email and is prompted on Facebook
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And "facebook_page" is recommended
    And a KPI mentioning "online revenue by source" is suggested

  Scenario: without analytics no gift can be traced to a channel
    When the advisor assesses the profile
    Then a "warning" finding "no-analytics" is raised

  Scenario: parents are not asked to learn TikTok
    When the advisor assesses the profile
    Then "tiktok" is not recommended
