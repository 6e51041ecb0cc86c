Feature: Country-aware channels: networks closed to a country are blocked there, networks that matter there are scored
  A channel that does not exist or is not open in the organization's country is never
  recommended there; WhatsApp is scored where surveys show it is a main news network.

  Scenario Outline: Doximity is blocked outside the US, with a lift that says it is a US network
    Given a minimal "medical_association" profile
    And the organization's country is "<country>"
    And an audience of "physicians" on "doximity"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "constraints.country.doximity-us-only" fires
    And "doximity" is blocked
    And the block on "doximity" lifts when "US physicians"

    Examples:
      | country |
      | CA      |
      | GB      |
      | DE      |
      | BR      |
      | AU      |
      | IN      |

  Scenario: a foreign organization with no physician audience gets no Doximity line at all
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization's country is "CA"
    And an audience of "patients_chronic"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "constraints.country.doximity-us-only" does not fire
    And "doximity" is not blocked

  Scenario: a US organization keeps Doximity
    Given a minimal "medical_association" profile
    And the organization's country is "US"
    And an audience of "physicians" on "doximity"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "constraints.country.doximity-us-only" does not fire
    And "doximity" is not blocked
    And "doximity" is recommended

  Scenario Outline: WhatsApp is scored where it is a main news network
    Given a minimal "public_health_agency" profile
    And the organization's country is "<country>"
    And an audience of "local_public"
    And a measurable "talking" objective for "awareness"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And "whatsapp_channel" is recommended
    And a reason for "whatsapp_channel" cites the rule "<rule>"

    Examples:
      | country | rule                                 |
      | BR      | constraints.country.whatsapp-brazil |
      | IN      | constraints.country.whatsapp-india  |

  Scenario: a US agency is not told to open a WhatsApp channel
    Given a minimal "public_health_agency" profile
    And the organization's country is "US"
    And an audience of "local_public"
    And a measurable "talking" objective for "awareness"
    When the advisor assesses the profile
    Then the rule "constraints.country.whatsapp-brazil" does not fire
    And the rule "constraints.country.whatsapp-india" does not fire
    And "whatsapp_channel" is not recommended

  Scenario: Nextdoor is blocked where it does not operate
    Given a minimal "public_health_agency" profile
    And the organization's country is "CA"
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "constraints.country.nextdoor-unavailable" fires
    And the rule "people.local.nextdoor" does not fire
    And "nextdoor" is blocked
    And "nextdoor" is not recommended

  Scenario Outline: Nextdoor is open to local audiences where it operates
    Given a minimal "public_health_agency" profile
    And the organization's country is "<country>"
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "constraints.country.nextdoor-unavailable" does not fire
    And the rule "people.local.nextdoor" fires
    And "nextdoor" is ranked

    Examples:
      | country |
      | US      |
      | GB      |
      | AU      |

  Scenario: an Australian organization follows the Privacy Act, not HIPAA
    Given a minimal "hospital" profile
    And the organization's country is "AU"
    When the advisor assesses the profile
    Then the rule "constraints.privacy.australia" fires
    And a "warning" finding "australian-privacy-act" is raised
    And the precondition "australian-health-information" is stated
    And the rule "constraints.privacy.other-country" does not fire

  Scenario: a US organization gets no Australian privacy rule
    Given a minimal "hospital" profile
    And the organization's country is "US"
    When the advisor assesses the profile
    Then the rule "constraints.privacy.australia" does not fire
