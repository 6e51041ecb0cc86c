Feature: Constraint rules: HIPAA, ACCME, FDA, professional ethics, platform risk, emergencies
  Healthcare constraints add preconditions, lower channels that cannot comply, and derive the
  compliance burden other rules read. Each rule fires on its case and stays silent otherwise.

  Scenario: a HIPAA-covered organization gets patient-privacy preconditions
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.phi" fires
    And the fact "compliance_burden" is not derived

  Scenario: HIPAA named as a constraint counts as well
    Given a minimal "patient_advocacy_nonprofit" profile
    And the constraints include "hipaa_phi"
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.phi" fires

  Scenario: an organization that holds no patient data gets no HIPAA preconditions
    Given a minimal "health_foundation" profile
    And the organization is not "hipaa_covered"
    When the advisor assesses the profile
    Then the rule "constraints.hipaa.phi" does not fire
    And the fact "compliance_burden" is not derived

  Scenario: an accredited provider delivers education off ad-supported platforms
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    When the advisor assesses the profile
    Then the rule "constraints.accme.ad-adjacency" fires
    And the fact "compliance_burden" is not derived

  Scenario: a provider that does not accredit education has no ad-adjacency rule
    Given a minimal "cme_provider" profile
    And the organization is not "accredited_cme_provider"
    When the advisor assesses the profile
    Then the rule "constraints.accme.ad-adjacency" does not fire

  Scenario: case discussions on social media by an accredited provider need the ACCME notice
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And a measurable "supporting" objective for "cme_delivery"
    When the advisor assesses the profile
    Then the rule "constraints.accme.case-discussion" fires

  Scenario: the same objective from a non-accredited organization needs no notice
    Given a minimal "cme_provider" profile
    And the organization is not "accredited_cme_provider"
    And a measurable "supporting" objective for "cme_delivery"
    When the advisor assesses the profile
    Then the rule "constraints.accme.case-discussion" does not fire

  Scenario: commercial support keeps supporters out of educational posts
    Given a minimal "cme_provider" profile
    And the organization is "accepts_commercial_support"
    When the advisor assesses the profile
    Then the rule "constraints.accme.commercial-support" fires

  Scenario: without commercial support there is nothing to separate
    Given a minimal "cme_provider" profile
    And the organization is not "accepts_commercial_support"
    When the advisor assesses the profile
    Then the rule "constraints.accme.commercial-support" does not fire

  Scenario: learner data privacy is a precondition when named
    Given a minimal "cme_provider" profile
    And the constraints include "learner_data_privacy"
    When the advisor assesses the profile
    Then the rule "constraints.accme.learner-data" fires

  Scenario: without the learner-data constraint the rule is silent
    Given a minimal "cme_provider" profile
    And the constraints include "accme_independence"
    When the advisor assesses the profile
    Then the rule "constraints.accme.learner-data" does not fire

  Scenario: a manufacturer's product claims do not fit character-limited posts
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And an audience of "physicians"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "constraints.fda.character-limits" fires
    And "x_twitter" is not recommended

  Scenario: FDA promotion named as a constraint counts as well
    Given a minimal "industry_affiliated" profile
    And the constraints include "fda_promotion"
    When the advisor assesses the profile
    Then the rule "constraints.fda.character-limits" fires

  Scenario: an association that promotes no product is not under FDA promotion rules
    Given a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "constraints.fda.character-limits" does not fire

  Scenario: a manufacturer correcting misinformation follows FDA's method
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then the rule "constraints.fda.misinformation-correction" fires

  Scenario: a public agency correcting misinformation is not under FDA's method
    Given a minimal "public_health_agency" profile
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then the rule "constraints.fda.misinformation-correction" does not fire

  Scenario: clinicians posting for the organization need professionalism training
    Given a minimal "academic_medical_center" profile
    And the constraints include "professional_ethics"
    When the advisor assesses the profile
    Then the rule "constraints.ethics.professionalism" fires

  Scenario: without the ethics constraint no training precondition is added
    Given a minimal "academic_medical_center" profile
    And the organization has no constraints
    When the advisor assesses the profile
    Then the rule "constraints.ethics.professionalism" does not fire

  Scenario: heavy compliance and slow approvals together call for pre-approved content
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And content approval takes 5 days
    When the advisor assesses the profile
    Then the rule "constraints.compliance.slow-and-strict" fires
    And a "warning" finding "compliance-and-speed" is raised

  Scenario: heavy compliance with fast approvals is workable
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And content approval takes 1 days
    When the advisor assesses the profile
    Then the rule "constraints.compliance.slow-and-strict" does not fire

  Scenario: slow approvals without a compliance burden are a bottleneck, not this warning
    Given a minimal "health_foundation" profile
    And content approval takes 5 days
    When the advisor assesses the profile
    Then the rule "constraints.compliance.slow-and-strict" does not fire

  Scenario Outline: X is no longer a safe first choice for clinicians and researchers
    Given a minimal "<type>" profile
    And an audience of "<segment>"
    When the advisor assesses the profile
    Then the rule "constraints.platform.x-clinicians-leaving" fires
    And a "info" finding "x-volatility" is raised

    Examples:
      | type                | segment     |
      | medical_association | physicians  |
      | research_institute  | researchers |

  Scenario: a local public audience does not raise the X volatility note
    Given a minimal "hospital" profile
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "constraints.platform.x-clinicians-leaving" does not fire

  Scenario: platform volatility as a constraint keeps an owned list first
    Given a minimal "research_institute" profile
    And the constraints include "platform_volatility"
    When the advisor assesses the profile
    Then the rule "constraints.platform.volatility" fires
    And "email_newsletter" is ranked

  Scenario: without the volatility constraint the rule is silent
    Given a minimal "research_institute" profile
    And the organization has no constraints
    When the advisor assesses the profile
    Then the rule "constraints.platform.volatility" does not fire

  Scenario: an emergency role keeps a followed real-time channel ready
    Given a minimal "public_health_agency" profile
    And the organization is "emergency_role"
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "constraints.emergency.realtime-channel" fires
    And "facebook_page" is recommended
    And a reason for "facebook_page" mentions "first source"

  Scenario: without an emergency role no crisis channel is pushed
    Given a minimal "health_foundation" profile
    And the organization is not "emergency_role"
    When the advisor assesses the profile
    Then the rule "constraints.emergency.realtime-channel" does not fire

  Scenario: an emergency role without a crisis plan is warned
    Given a minimal "hospital" profile
    And the organization is "emergency_role"
    And the bottleneck "no_crisis_plan" applies
    When the advisor assesses the profile
    Then the rule "constraints.emergency.no-crisis-plan" fires
    And a "warning" finding "crisis-plan-missing" is raised

  Scenario: an emergency role with a crisis plan is not warned
    Given a minimal "hospital" profile
    And the organization is "emergency_role"
    And the bottleneck "no_crisis_plan" does not apply
    When the advisor assesses the profile
    Then the rule "constraints.emergency.no-crisis-plan" does not fire
