Feature: New channels are scored from an audience or an objective
  Threads, WhatsApp, text alerts, Google Business Profile and video podcasts each have a rule
  that scores them from who the audience is or what the objective is, and stays silent otherwise.

  Scenario: an audience on Threads brings Threads
    Given a minimal "hospital" profile
    And an audience of "patients_general" on "threads"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.platforms.threads" fires
    And "threads" is ranked

  Scenario: an audience that is not on Threads does not bring it
    Given a minimal "hospital" profile
    And an audience of "patients_general" on "facebook_page"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.platforms.threads" does not fire
    And "threads" is not recommended

  Scenario: an audience on WhatsApp brings a WhatsApp channel
    Given a minimal "patient_advocacy_nonprofit" profile
    And an audience of "caregivers" on "whatsapp_channel"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.platforms.whatsapp" fires
    And "whatsapp_channel" is ranked

  Scenario: an audience that is not on WhatsApp does not bring it
    Given a minimal "patient_advocacy_nonprofit" profile
    And an audience of "caregivers" on "facebook_group"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.platforms.whatsapp" does not fire

  Scenario: an emergency role brings opt-in text alerts
    Given a minimal "public_health_agency" profile
    And the organization is "emergency_role"
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "objectives.format.sms-alerts" fires
    And "sms_alerts" is ranked
    And the precondition "sms-opt-in" is stated for "sms_alerts"

  Scenario: a crisis-communication objective brings text alerts too
    Given a minimal "hospital" profile
    And a measurable "supporting" objective for "crisis_communication"
    When the advisor assesses the profile
    Then the rule "objectives.format.sms-alerts" fires

  Scenario: no emergency role and no crisis objective, no text alerts
    Given a minimal "research_institute" profile
    And a measurable "talking" objective for "research_dissemination"
    When the advisor assesses the profile
    Then the rule "objectives.format.sms-alerts" does not fire
    And "sms_alerts" is not recommended

  Scenario: a clinic that sees patients is found on Google Search and Maps
    Given a minimal "hospital" profile
    And the organization is "direct_patient_contact"
    And an audience of "patients_general"
    When the advisor assesses the profile
    Then the rule "people.local.google-business-profile" fires
    And "google_business_profile" is ranked
    And the precondition "one-profile-per-location" is stated for "google_business_profile"

  Scenario: an organization that sees no one in person gets no Business Profile
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization is not "direct_patient_contact"
    And an audience of "patients_general"
    When the advisor assesses the profile
    Then the rule "people.local.google-business-profile" does not fire
    And "google_business_profile" is not recommended

  Scenario: education for adults under 50 brings a video podcast
    Given a minimal "cme_provider" profile
    And the audiences:
      | segment      | ages         |
      | cme_learners | 30-49, 50-64 |
    And a measurable "supporting" objective for "cme_delivery"
    When the advisor assesses the profile
    Then the rule "objectives.format.video-podcast" fires
    And "video_podcast" is ranked

  Scenario: education for older adults only does not bring a video podcast
    Given a minimal "cme_provider" profile
    And the audiences:
      | segment      | ages     |
      | cme_learners | 65-plus  |
    And a measurable "supporting" objective for "cme_delivery"
    When the advisor assesses the profile
    Then the rule "objectives.format.video-podcast" does not fire
