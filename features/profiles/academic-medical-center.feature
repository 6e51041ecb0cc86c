Feature: An academic medical centre recruiting residents and spreading its research
  Applicants judge programs on Instagram, Reddit and Doximity; researchers now gather on
  Bluesky and LinkedIn; accounts are scattered across departments.

  Background:
    Given the profile "profiles/academic-medical-center.yaml"

  Scenario: resident recruitment puts Instagram near the top, with Reddit and Doximity
    When the advisor assesses the profile
    Then "instagram" is among the top 3 channels
    And "reddit" is recommended
    And "doximity" is recommended
    And a KPI mentioning "interview acceptances" is suggested

  Scenario: research is released where researchers read, and X is not where they are going
    When the advisor assesses the profile
    Then "bluesky_mastodon" is among the top 5 channels
    And "linkedin" is among the top 5 channels
    And "x_twitter" is not recommended

  Scenario: scattered departmental accounts need a hub before more channels
    When the advisor assesses the profile
    Then a "warning" finding "hub-and-spoke-first" is raised
    And the rule "strategy.governance.sponsor-program" fires

  Scenario: HIPAA and professional ethics apply to everyone who posts
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.phi" fires
    And the rule "constraints.ethics.professionalism" fires
    And the profile is ready
