Feature: Expert corrections to the evidence behind the rules
  Each scenario fails on the rule as it was before the correction and passes now.

  Scenario: patient reviews are requested from every patient alike, not from satisfied ones
    Given a minimal "hospital" profile
    And the organization is "direct_patient_contact"
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the precondition "ask-every-patient" is stated for "review_sites"
    And a reason for "review_sites" mentions "every patient"
    And a reason for "review_sites" mentions "16 CFR part 465"

  Scenario: the online-reviews pain point also asks every patient alike
    Given a minimal "hospital" profile
    And the pain points include "online_reviews"
    When the advisor assesses the profile
    Then the precondition "ask-every-patient" is stated for "review_sites"
    And a reason for "review_sites" mentions "2014 study of 3,371 US hospitals"

  Scenario: misinformation correction follows FDA's 2024 draft, not the 2014 one
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then the precondition "fda-2024-misinformation-draft" is stated
    And the precondition "fda-correction-method" is not stated

  Scenario: character limits are presented as a 2014 draft and Form 2253 as the application holder's duty
    Given a minimal "industry_affiliated" profile
    And the organization is "promotes_regulated_products"
    And an audience of "patients_general"
    When the advisor assesses the profile
    Then the rule "constraints.fda.character-limits" fires
    And a reason for "x_twitter" mentions "non-binding draft"
    And a reason for "x_twitter" mentions "application holders"

  Scenario: the YouTube health-decision figure is named as a convenience sample
    Given a minimal "hospital" profile
    And an audience of "patients_general"
    When the advisor assesses the profile
    Then a reason for "youtube" mentions "convenience sample"
    And a reason for "youtube" mentions "Pew Research Center, 2025"

  Scenario Outline: the related video rules no longer claim 85% of patients decide from YouTube
    Given a minimal "hospital" profile
    And <setup>
    When the advisor assesses the profile
    Then a reason for "youtube" mentions "84% of US adults"

    Examples:
      | setup                                                  |
      | a measurable "talking" objective for "awareness"         |
      | the pain points include "patient_education_gap"          |
      | a measurable "listening" objective for "misinformation_response" |

  Scenario: the CME enrolment reason dates and sizes its surveys
    Given a minimal "cme_provider" profile
    And the pain points include "cme_enrolment_low"
    When the advisor assesses the profile
    Then a reason for "email_newsletter" mentions "convenience sample of 141 CME professionals"
    And a reason for "email_newsletter" mentions "2018 national survey of 500"

  Scenario: a demanded X is blocked with a use-case finding, not 2010 anecdotes
    Given a minimal "medical_association" profile
    And the organization has to be on "x_twitter"
    And a "talking" objective with no measure
    When the advisor assesses the profile
    Then "x_twitter" is blocked
    And a "info" finding "x-use-case-first" is raised
    And the finding "x-use-case-first" mentions "named use"

  Scenario: the IT-block figure is 59% of 640 surveyed staff in 2013, not of hospitals
    Given a minimal "hospital" profile
    And the bottleneck "it_blocks_social" applies
    When the advisor assesses the profile
    Then the finding "it-blocks-social" mentions "survey of 640"

  Scenario: Doximity posting by organizations is an unverified step to check
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    When the advisor assesses the profile
    Then a reason for "doximity" mentions "not verified"
    And the precondition "doximity-access" is stated for "doximity"

  Scenario: the nurses' text and scores agree: Instagram is scored, YouTube is not
    Given a minimal "health_professional_association" profile
    And an audience of "nurses"
    When the advisor assesses the profile
    Then a reason for "instagram" cites the rule "people.nurses.visual-education"
    And a reason for "pinterest" mentions "Twitter/X (14%)"

  Scenario: nurses follow NCSBN and ANA guidance, not AMA guidance
    Given a minimal "health_professional_association" profile
    And an audience of "nurses"
    And the constraints include "professional_ethics"
    When the advisor assesses the profile
    Then the rule "constraints.ethics.nurses" fires
    And the rule "constraints.ethics.professionalism" does not fire
    And the precondition "nurse-social-media-training" is stated

  Scenario: a medical association's physicians still get the AMA-based training
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And the constraints include "professional_ethics"
    When the advisor assesses the profile
    Then the rule "constraints.ethics.professionalism" fires
    And the rule "constraints.ethics.nurses" does not fire

  Scenario: policymaker advice says its data are federal, not state
    Given a minimal "medical_association" profile
    And an audience of "policymakers"
    When the advisor assesses the profile
    Then the finding "advocacy-speed" mentions "state legislators"

  Scenario: a public health agency does not remove comments as misinformation
    Given a minimal "public_health_agency" profile
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then the rule "pain_points.misinformation.public-body" fires
    And the rule "pain_points.misinformation.answer" does not fire
    And the precondition "viewpoint-neutral-comment-rules" is stated
    And the precondition "misinformation-policy" is not stated
    And a reason for "youtube" mentions "Lindke v. Freed"

  Scenario: HIPAA alone does not feed the compliance-and-speed warning
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And content approval takes 14 days
    When the advisor assesses the profile
    Then the fact "compliance_burden" is not derived
    And the rule "constraints.compliance.slow-and-strict" does not fire

  Scenario: ACCME accreditation alone does not feed the compliance-and-speed warning
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And content approval takes 14 days
    When the advisor assesses the profile
    Then the fact "compliance_burden" is not derived
    And the rule "constraints.compliance.slow-and-strict" does not fire

  Scenario: promoting CME enrolment does not need the ineligible-company notice
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And a measurable "talking" objective for "cme_enrolment"
    When the advisor assesses the profile
    Then the rule "constraints.accme.case-discussion" does not fire
    And the precondition "ineligible-company-notice" is not stated

  Scenario: the emergency disclaimer is for patient and public audiences
    Given a minimal "hospital" profile
    And an audience of "patients_general"
    And the resources' moderation is "business_hours"
    When the advisor assesses the profile
    Then the precondition "emergency-disclaimer" is stated

  Scenario: CME and research audiences get posted hours without the 911 disclaimer
    Given a minimal "cme_provider" profile
    And an audience of "cme_learners"
    And the resources' moderation is "business_hours"
    When the advisor assesses the profile
    Then the precondition "posted-moderation-hours" is stated
    And the precondition "emergency-disclaimer" is not stated
    And the rule "resources.moderation.emergency-disclaimer" does not fire

  Scenario: a HIPAA-covered organization adding tracking is warned about pixels
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And the bottleneck "no_analytics" applies
    When the advisor assesses the profile
    Then the rule "bottlenecks.analytics.hipaa-tracking" fires
    And the precondition "tracking-pixels-hipaa" is stated

  Scenario: an organization outside HIPAA gets tracked links without the pixel warning
    Given a minimal "health_foundation" profile
    And the organization is not "hipaa_covered"
    And the bottleneck "no_analytics" applies
    When the advisor assesses the profile
    Then the rule "bottlenecks.analytics.hipaa-tracking" does not fire
    And the precondition "tracked-links" is stated

  Scenario: review KPIs are for patient-facing providers
    Given a minimal "hospital" profile
    And the organization is "direct_patient_contact"
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the rule "objectives.kpi.energizing-reviews" fires
    And a KPI mentioning "ratings and reviews" is suggested

  Scenario Outline: foundations, charities and associations get no review KPIs
    Given a minimal "<type>" profile
    And the organization is not "direct_patient_contact"
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the rule "objectives.kpi.energizing-reviews" does not fire
    And a KPI mentioning "member-get-member referrals" is suggested

    Examples:
      | type                            |
      | health_foundation               |
      | patient_advocacy_nonprofit      |
      | health_professional_association |

  Scenario: Bluesky and Mastodon are not recommended for local emergency audiences
    Given a minimal "public_health_agency" profile
    And the organization is "emergency_role"
    And an audience of "local_public"
    When the advisor assesses the profile
    Then "bluesky_mastodon" is not recommended
    And "facebook_page" is recommended
