Feature: The brief's 90-day pilot
  Set-up weeks (accounts, policy, governance, baselines), run weeks, and a week-13 review that
  decides by written criteria to continue, fix or stop.

  Scenario: a measurable objective gives the pilot its baseline, run and review
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.pilot.baseline-and-run" fires
    And the rule "strategy.pilot.decision-criteria" fires
    And the pilot has a "setup" task in week 1
    And the pilot has a "run" task in week 8
    And the pilot has a "review" task in week 13
    And the pilot's review says to "stop" when "did not move from its baseline"
    And the pilot's review says to "continue" when "on pace"

  Scenario: without a measurable objective there is nothing to review against
    Given a minimal "hospital" profile
    And a "talking" objective with no measure
    When the advisor assesses the profile
    Then the rule "strategy.pilot.baseline-and-run" does not fire
    And the rule "strategy.pilot.decision-criteria" does not fire

  Scenario: the small not-for-profit writes its policy, sets up analytics and starts one channel
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.pilot.policy-first" fires
    And the rule "strategy.pilot.analytics-setup" fires
    And the rule "strategy.pilot.one-channel-first" fires
    And the rule "strategy.pilot.sponsor-review" does not fire
    And the rule "strategy.pilot.phi-training" does not fire
    And the rule "strategy.pilot.inventory-accounts" does not fire

  Scenario: the academic medical centre inventories its accounts, trains for HIPAA and reviews with its sponsor
    Given the profile "../../profiles/academic-medical-center.yaml"
    When the advisor assesses the profile
    Then the rule "strategy.pilot.inventory-accounts" fires
    And the rule "strategy.pilot.phi-training" fires
    And the rule "strategy.pilot.sponsor-review" fires
    And the pilot has a "run" task in week 7
    And the rule "strategy.pilot.policy-first" does not fire
    And the rule "strategy.pilot.one-channel-first" does not fire
    And the rule "strategy.pilot.analytics-setup" does not fire

  Scenario: an organization with no channel opens its accounts in week 1
    Given a minimal "patient_advocacy_nonprofit" profile
    And a measurable "talking" objective
    And the organization runs no channels
    When the advisor assesses the profile
    Then the rule "strategy.pilot.open-accounts" fires
    And the brief's appendix traces the rule "strategy.pilot.open-accounts"

  Scenario: an organization that already runs a channel has its accounts
    Given a minimal "patient_advocacy_nonprofit" profile
    And a measurable "talking" objective
    And the organization already runs "facebook_page"
    When the advisor assesses the profile
    Then the rule "strategy.pilot.open-accounts" does not fire

  Scenario: slow approval is worked around with a library approved ahead
    Given a minimal "cme_provider" profile
    And content approval takes 3 days
    When the advisor assesses the profile
    Then the rule "strategy.pilot.approval-library" fires
    And the report's "90-day pilot" section mentions "approved in one batch"

  Scenario: quick approval needs no library
    Given a minimal "cme_provider" profile
    And content approval takes 1 days
    When the advisor assesses the profile
    Then the rule "strategy.pilot.approval-library" does not fire
