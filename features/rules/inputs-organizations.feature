Feature: Every organization type and size is read
  The kind of organization brings duties and habits of its own (member guidance, CME
  registrations, account registers, Google profiles, the 501(c)(3) campaign ban, visual
  abstracts, disclosure of an affiliation, owned channels first), and a micro or small
  organization runs few channels. Each scenario proves a rule fires for its type and stays silent
  for another.

  Scenario Outline: a professional society is asked to give its members social media guidance
    Given a minimal "<type>" profile
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.society-member-guidance" fires
    And the brief's governance checklist has a "policy" item
    And the brief's appendix traces the rule "strategy.organization-type.society-member-guidance"

    Examples:
      | type                            |
      | medical_association             |
      | health_professional_association |

  Scenario: a CME provider counts registrations from tracked links
    Given a minimal "cme_provider" profile
    And an audience of "cme_learners"
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.cme-registrations" fires
    And a KPI mentioning "CME registrations and completions" is suggested
    And a reason for "email_newsletter" cites the rule "strategy.organization-type.cme-registrations"

  Scenario: an academic medical centre keeps a register of its accounts
    Given a minimal "academic_medical_center" profile
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.amc-account-register" fires
    And the brief's governance checklist has a "accounts" item

  Scenario: a hospital audits its Google profiles per location and department
    Given a minimal "hospital" profile
    And the organization is "direct_patient_contact"
    And an audience of "patients_general"
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.hospital-listings" fires
    And the precondition "profile-per-location-department" is stated for "google_business_profile"

  Scenario Outline: a US charity posts nothing for or against a candidate
    Given a minimal "<type>" profile
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.charity-no-candidates" fires
    And the brief's governance checklist has a "policy" item

    Examples:
      | type                       |
      | patient_advocacy_nonprofit |
      | health_foundation          |
      | small_nonprofit            |

  Scenario: a charity outside the US is not told about the IRS ban
    Given a minimal "health_foundation" profile
    And the organization's country is "GB"
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.charity-no-candidates" does not fire

  Scenario Outline: research institutes and journals share papers with visual abstracts
    Given a minimal "<type>" profile
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.research-visual-abstracts" fires
    And the precondition "visual-abstracts" is stated
    And a KPI mentioning "article views, downloads" is suggested

    Examples:
      | type               |
      | research_institute |
      | medical_journal    |

  Scenario: an industry-affiliated organization discloses the affiliation
    Given a minimal "industry_affiliated" profile
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.industry-disclosure" fires
    And the precondition "disclose-affiliation" is stated

  Scenario: a small not-for-profit puts its website and email first
    Given a minimal "small_nonprofit" profile
    And an audience of "donors_small"
    When the advisor assesses the profile
    Then the rule "strategy.organization-type.small-nonprofit-owned-first" fires
    And the precondition "website-email-first" is stated
    And a reason for "email_newsletter" cites the rule "strategy.organization-type.small-nonprofit-owned-first"

  Scenario Outline: a type rule stays silent for another type
    Given a minimal "<other>" profile
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | rule                                                  | other                   |
      | strategy.organization-type.society-member-guidance    | cme_provider            |
      | strategy.organization-type.cme-registrations          | medical_association     |
      | strategy.organization-type.amc-account-register       | hospital                |
      | strategy.organization-type.hospital-listings          | academic_medical_center |
      | strategy.organization-type.charity-no-candidates      | public_health_agency    |
      | strategy.organization-type.research-visual-abstracts  | health_foundation       |
      | strategy.organization-type.industry-disclosure        | cme_provider            |
      | strategy.organization-type.small-nonprofit-owned-first | patient_advocacy_nonprofit |

  Scenario Outline: a micro or small organization with unknown hours plans email plus two channels
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization's size is "<size>"
    And an audience of "patients_chronic"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "resources.organization-size.small-org-focus" fires
    And a "info" finding "small-organization-few-channels" is raised
    And the plan holds at most 3 channels

    Examples:
      | size  |
      | micro |
      | small |

  Scenario: a small organization with a half-time social media role is not capped by its size
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization's size is "small"
    And the team has 20 staff hours per week
    When the advisor assesses the profile
    Then the rule "resources.organization-size.small-org-focus" does not fire

  Scenario: a medium organization is not capped by its size
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization's size is "medium"
    When the advisor assesses the profile
    Then the rule "resources.organization-size.small-org-focus" does not fire
