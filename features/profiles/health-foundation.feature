Feature: A hospital foundation growing online giving
  Small, younger donors are prompted on social; major donors and conversions live in email.

  Background:
    Given the profile "profiles/health-foundation.yaml"

  Scenario: email converts, Facebook prompts
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And "facebook_page" is among the top 2 channels

  Scenario: a dormant Instagram account is named and the lack of analytics flagged
    When the advisor assesses the profile
    Then a "info" finding "dormant-account" is raised
    And a "warning" finding "no-analytics" is raised

  Scenario: older major donors keep TikTok off the list
    When the advisor assesses the profile
    Then "tiktok" is not recommended
    And a KPI mentioning "online revenue by source" is suggested
