Feature: The brief's posting cadence
  Each planned channel gets a rhythm the team's hours can keep: the capacity band the resources
  rules derive sets it, and slow approval caps the real-time channels.

  Scenario: a team with 4 hours a week posts twice a week on its Facebook page
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.low-capacity" fires
    And the brief plans "facebook_page" at 2 posts a week
    And the report's "Cadence" section lists an item from rule "strategy.cadence.low-capacity"

  Scenario: a team with 10 hours a week posts three times a week
    Given the profile "../../profiles/patient-advocacy.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.medium-capacity" fires
    And the rule "strategy.cadence.low-capacity" does not fire
    And the brief plans "facebook_page" at 3 posts a week
    And the brief plans "email_newsletter" at 2 issues a month

  Scenario: a team with 60 hours a week posts on weekdays
    Given the profile "../../profiles/academic-medical-center.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.high-capacity" fires
    And the rule "strategy.cadence.medium-capacity" does not fire
    And the brief plans "facebook_page" at 5 posts a week

  Scenario: a small team gets neither the medium nor the high rhythm
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.medium-capacity" does not fire
    And the rule "strategy.cadence.high-capacity" does not fire

  Scenario: approval that takes days caps the real-time channels
    Given a minimal "research_institute" profile
    And the team has 30 staff hours per week
    And content approval takes 4 days
    And a measurable "talking" objective
    And an audience of "journalists" on "x_twitter"
    And the organization already runs "x_twitter" with "good" results
    When the advisor assesses the profile
    Then the rule "strategy.cadence.slow-approval" fires
    And the brief plans "x_twitter" at 2 posts a week
    And the report's "Cadence" section mentions "approved a week ahead"

  Scenario: the report gives no cadence for a channel the plan does not start
    Given a minimal "research_institute" profile
    And the team has 30 staff hours per week
    And content approval takes 4 days
    When the advisor assesses the profile
    Then the rule "strategy.cadence.slow-approval" fires
    And the report has no "Cadence" section

  Scenario: approval within two days leaves the rhythm to the hours
    Given a minimal "research_institute" profile
    And the team has 30 staff hours per week
    And content approval takes 2 days
    When the advisor assesses the profile
    Then the rule "strategy.cadence.slow-approval" does not fire

  Scenario: a research institute with 8 hours a week blogs twice a month
    Given the profile "../../profiles/research-institute.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.long-form" fires
    And the brief plans "blog" at 2 posts a month

  Scenario: a team under 5 hours a week gets no long-form rhythm
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.long-form" does not fire

  Scenario: a hospital with 16 hours a week checks its review sites twice a week
    Given the profile "../../profiles/hospital.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.review-sites" fires
    And the rule "strategy.cadence.review-sites-daily" does not fire
    And the brief plans "review_sites" at 2 checks a week
    And the report's "Cadence" section mentions "confirming nothing about the person"

  Scenario: a team with 20 or more hours a week checks review sites every working day
    Given a minimal "hospital" profile
    And the team has 30 staff hours per week
    When the advisor assesses the profile
    Then the rule "strategy.cadence.review-sites-daily" fires
    And the rule "strategy.cadence.review-sites" does not fire

  Scenario: a public health agency listens every working day
    Given the profile "../../profiles/public-health-agency.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.listening" fires
    And the brief plans "listening" at 5 checks a week

  Scenario: a team under 5 hours a week listens twice a week
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.cadence.listening-low-capacity" fires
    And the rule "strategy.cadence.listening" does not fire
