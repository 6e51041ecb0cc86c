Feature: Expert panel: organizations outside the US, and audiences under 18
  Country changes which networks people use and which privacy law applies; minors change what
  may be collected. Judged from sourced facts before the advisor was run.

  # ICO guidance on special category data (UK GDPR, 2023): health data in the UK falls under
  # the UK GDPR, not HIPAA; Doximity's terms (2021) admit US healthcare professionals only.
  Scenario: a UK hospital trust is told the UK GDPR applies and is not sent to Doximity
    Given a minimal "hospital" profile
    And the organization's country is "GB"
    And the organization is "direct_patient_contact"
    And the audiences:
      | segment          | ages                  | platforms              |
      | local_public     | 30-49, 50-64, 65-plus | facebook_page, youtube |
      | job_candidates   | 18-29, 30-49          | linkedin               |
    And the objectives:
      | kind    | goal                     | focus             | metric                   | target | deadline   |
      | talking | Fill our nursing posts   | staff_recruitment | applications from social | 200    | 2027-06-30 |
    And the team has 12 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then a finding "uk-gdpr-applies" is raised
    And "doximity" is not among the top 3 channels
    And "linkedin" is among the top 3 channels

  # Reuters Institute Digital News Report 2019: in Brazil WhatsApp is a main network for news
  # (about half of online users use it for news); the LGPD governs health data there.
  Scenario: a Brazilian patient organization reaches patients on WhatsApp under the LGPD
    Given a minimal "patient_advocacy_nonprofit" profile
    And the organization's country is "BR"
    And the audiences:
      | segment          | ages                | platforms                          | participation |
      | patients_chronic | 30-49, 50-64        | whatsapp_channel, facebook_page, instagram | spectators |
    And a measurable "talking" objective for "patient_education"
    And the team has 10 staff hours per week
    And the team has the skills "writing and design"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then a finding "lgpd-applies" is raised
    And "whatsapp_channel" is among the top 3 channels
    And "doximity" is not among the top 3 channels

  # Reuters Institute Digital News Report 2025 (India): WhatsApp and YouTube are the main online
  # news networks in India.
  Scenario: an Indian public health programme reaches the public on WhatsApp and YouTube
    Given a minimal "public_health_agency" profile
    And the organization's country is "IN"
    And the audiences:
      | segment      | ages                | platforms                  | participation |
      | local_public | 18-29, 30-49, 50-64 | whatsapp_channel, youtube  | spectators    |
    And a measurable "talking" objective for "patient_education"
    And the team has 15 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then "whatsapp_channel" is among the top 3 channels
    And "youtube" is among the top 3 channels
    And a finding "check-local-law" is raised

  # PIPEDA (Canada) governs personal information in commercial activity, with provincial health
  # privacy laws; Doximity admits US professionals only.
  Scenario: a Canadian medical association is told PIPEDA applies and is not sent to Doximity
    Given a minimal "medical_association" profile
    And the organization's country is "CA"
    And the audiences:
      | segment    | ages         | career_stage | platforms                  |
      | physicians | 30-49, 50-64 | mid_career   | linkedin, email_newsletter |
      | members    | 30-49, 50-64 | mixed        | email_newsletter           |
    And a measurable "supporting" objective for "member_engagement"
    And the team has 12 staff hours per week
    And the team has the skills "writing and community_management"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then a finding "pipeda-applies" is raised
    And "doximity" is not among the top 3 channels
    And "email_newsletter" is among the top 3 channels

  # FTC COPPA Rule amendments (2025): collecting personal information from children under 13
  # needs verifiable parental consent; an under-18 audience may include them.
  Scenario: a children's hospital teen-health programme with an under-18 audience is warned about children's privacy
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    And the audiences:
      | segment          | ages            | platforms                   |
      | patients_general | under-18, 18-29 | instagram, youtube, tiktok  |
      | caregivers       | 30-49           | facebook_page               |
    And a measurable "talking" objective for "patient_education"
    And the team has 15 staff hours per week
    And the team has the skills "writing, design and video"
    And the resources' moderation is "business_hours"
    And content approval takes 2 days
    When the advisor assesses the profile
    Then a "warning" finding "children-audience" is raised
    And "doximity" is not among the top 3 channels
    And "linkedin" is not among the top 3 channels
