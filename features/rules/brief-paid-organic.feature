Feature: The brief's paid and organic advice
  Whether to put money behind the plan, from the budget and the paid-media skill, with the
  platforms' health-advertising limits.

  Scenario: without a budget the pilot is organic
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "resources.spend.organic-pilot" fires
    And the brief's paid and organic advice includes "organic"
    And the rule "resources.spend.test-after-baseline" does not fire
    And the rule "resources.spend.help-before-spend" does not fire

  Scenario: a budget with paid-media skill funds a small test
    Given a minimal "health_foundation" profile
    And a measurable "talking" objective for "fundraising"
    And the resources' budget_per_year is 5000
    And the team has the skills "writing and paid_media"
    When the advisor assesses the profile
    Then the rule "resources.spend.test-after-baseline" fires
    And the rule "resources.spend.organic-pilot" does not fire
    And the brief's paid and organic advice includes "small paid test"

  Scenario: a budget without the skill waits for help
    Given a minimal "health_foundation" profile
    And a measurable "talking" objective
    And the resources' budget_per_year is 5000
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "resources.spend.help-before-spend" fires
    And the rule "resources.spend.test-after-baseline" does not fire

  Scenario: recruitment with a budget sponsors LinkedIn posts
    Given a minimal "medical_association" profile
    And a measurable "energizing" objective for "member_recruitment"
    And the resources' budget_per_year is 20000
    When the advisor assesses the profile
    Then the rule "resources.spend.recruitment-linkedin" fires
    And the report's "Paid and organic" section mentions "job title"

  Scenario: recruitment without a budget sponsors nothing
    Given a minimal "medical_association" profile
    And a measurable "energizing" objective for "member_recruitment"
    When the advisor assesses the profile
    Then the rule "resources.spend.recruitment-linkedin" does not fire

  Scenario: a provider that sees patients checks Google's health-ad rules before search ads
    Given a minimal "hospital" profile
    And the organization is "direct_patient_contact"
    And the resources' budget_per_year is 20000
    When the advisor assesses the profile
    Then the rule "resources.spend.search-ads-limits" fires
    And the report's "Paid and organic" section mentions "certification"

  Scenario: without patient contact there is no search-ads line
    Given a minimal "medical_association" profile
    And the resources' budget_per_year is 20000
    When the advisor assesses the profile
    Then the rule "resources.spend.search-ads-limits" does not fire
