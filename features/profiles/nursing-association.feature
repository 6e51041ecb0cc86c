Feature: A state nurses association with falling engagement and a staffing bill to fight
  Nurses learn on Facebook and YouTube; members need a year-round community; legislators are
  moved by fast, identifiable member comments.

  Background:
    Given the profile "profiles/nursing-association.yaml"

  Scenario: email and the Facebook page lead, because that is where nurses already are
    When the advisor assesses the profile
    Then the top channel is "email_newsletter"
    And "facebook_page" is among the top 2 channels

  Scenario: with 22 hours and community skills the member community is realistic
    When the advisor assesses the profile
    Then "member_community" is recommended
    And a KPI mentioning "monthly active contributors" is suggested

  Scenario: advocacy is about speed and identifiable constituents
    When the advisor assesses the profile
    Then a "info" finding "advocacy-speed" is raised
    And a KPI mentioning "within 6 hours" is suggested

  Scenario: younger nurses are reached on Instagram, not X
    When the advisor assesses the profile
    Then "instagram" is recommended
    And "x_twitter" is not recommended
