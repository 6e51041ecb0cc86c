Feature: The governance checklist
  Before adding channels, an organization secures and owns the accounts it already runs, and an
  organization with an emergency role writes its incident playbook.

  Scenario: accounts already run get an owner and multifactor authentication
    Given a minimal "hospital" profile
    And the organization already runs "facebook_page"
    When the advisor assesses the profile
    Then the rule "resources.governance.account-security" fires
    And the report's "Governance checklist" section lists an item from rule "resources.governance.account-security"
    And the report's "Governance checklist" section mentions "multifactor authentication"

  Scenario: an organization that runs no channel has no accounts to secure yet
    Given a minimal "hospital" profile
    And the organization runs no channels
    When the advisor assesses the profile
    Then the rule "resources.governance.account-security" does not fire

  Scenario: an emergency role needs an incident playbook
    Given a minimal "public_health_agency" profile
    And the organization is "emergency_role"
    When the advisor assesses the profile
    Then the rule "resources.governance.incident-playbook" fires
    And the report's "governance" section mentions "incident playbook"

  Scenario: a crisis-communication objective needs one too
    Given a minimal "hospital" profile
    And a measurable "talking" objective for "crisis_communication"
    When the advisor assesses the profile
    Then the rule "resources.governance.incident-playbook" fires

  Scenario: without an emergency role or a crisis objective there is no playbook item
    Given a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "resources.governance.incident-playbook" does not fire
