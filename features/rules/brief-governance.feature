Feature: The brief's governance checklist
  Accounts and ownership, the comment policy, moderation hours, the approval path, record
  keeping and incidents, each from what the profile says.

  Scenario: the small not-for-profit publishes a comment policy and posts its moderation hours
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "resources.governance.comment-policy" fires
    And the rule "resources.governance.moderation-hours" fires
    And the brief's governance checklist has a "policy" item
    And the brief's governance checklist has a "moderation" item
    And the rule "resources.governance.phi-in-replies" does not fire
    And the rule "resources.governance.approval-records" does not fire

  Scenario: the academic medical centre keeps records and never confirms a patient
    Given the profile "../../profiles/academic-medical-center.yaml"
    When the advisor assesses the profile
    Then the rule "resources.governance.phi-in-replies" fires
    And the rule "resources.governance.approval-records" fires
    And the brief's governance checklist has a "records" item
    And the rule "resources.governance.comment-policy" does not fire
    And the rule "resources.governance.moderation-hours" does not fire

  Scenario: an accredited CME provider keeps its approvals too
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    When the advisor assesses the profile
    Then the rule "resources.governance.approval-records" fires

  Scenario: a new presence opens its accounts with two administrators
    Given a minimal "small_nonprofit" profile
    And a measurable "talking" objective
    And the organization runs no channels
    When the advisor assesses the profile
    Then the rule "resources.governance.new-accounts" fires
    And the brief's governance checklist has a "accounts" item

  Scenario: an organization with accounts does not open new ones
    Given a minimal "small_nonprofit" profile
    And a measurable "talking" objective
    And the organization already runs "facebook_page"
    When the advisor assesses the profile
    Then the rule "resources.governance.new-accounts" does not fire

  Scenario: slow approval needs a written approval path
    Given a minimal "hospital" profile
    And content approval takes 5 days
    When the advisor assesses the profile
    Then the rule "resources.governance.approval-path" fires
    And the report's "Governance checklist" section mentions "turnaround"

  Scenario: legal review of every post needs one too
    Given a minimal "hospital" profile
    And the bottleneck "legal_review_required" applies
    When the advisor assesses the profile
    Then the rule "resources.governance.approval-path" fires

  Scenario: quick approval without legal review needs no approval path item
    Given a minimal "hospital" profile
    And content approval takes 1 days
    When the advisor assesses the profile
    Then the rule "resources.governance.approval-path" does not fire

  Scenario: a public agency keeps its posts and comments as records
    Given the profile "../../profiles/public-health-agency.yaml"
    When the advisor assesses the profile
    Then the rule "resources.governance.public-records" fires
    And the brief's governance checklist has a "records" item

  Scenario: a hospital is not a public agency for this rule
    Given a minimal "hospital" profile
    When the advisor assesses the profile
    Then the rule "resources.governance.public-records" does not fire

  Scenario: moderation around the clock needs no posted hours
    Given a minimal "hospital" profile
    And a measurable "talking" objective
    And the resources' moderation is 24x7
    When the advisor assesses the profile
    Then the rule "resources.governance.moderation-hours" does not fire

  Scenario: without a crisis plan a small team agrees who pauses and who speaks
    Given a minimal "small_nonprofit" profile
    And the bottleneck "no_crisis_plan" applies
    When the advisor assesses the profile
    Then the rule "resources.governance.basic-incident-plan" fires
    And the brief's governance checklist has a "incidents" item

  Scenario: an emergency role has the full playbook instead
    Given a minimal "hospital" profile
    And the organization is "emergency_role"
    And the bottleneck "no_crisis_plan" applies
    When the advisor assesses the profile
    Then the rule "resources.governance.basic-incident-plan" does not fire
    And the rule "resources.governance.incident-playbook" fires
