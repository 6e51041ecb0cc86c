Feature: Pain-point rules: each pain point brings channels and outcome KPIs
  A pain point is why leadership listens; each one maps to channels and to the KPI that shows
  it eased. Each pain-point rule fires on its pain point and stays silent for another one.

  Scenario Outline: a pain point brings its channels
    Given a minimal "<type>" profile
    And the pain points include "<pain>"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And "<channel>" is ranked
    And a reason for "<channel>" cites the rule "<rule>"

    Examples:
      | type                            | pain                     | rule                                    | channel          |
      | medical_association             | member_engagement_low    | pain_points.members.engagement          | email_newsletter |
      | medical_association             | member_retention         | pain_points.members.engagement          | email_newsletter |
      | health_professional_association | member_recruitment_young | pain_points.members.young               | instagram        |
      | cme_provider                    | cme_enrolment_low        | pain_points.cme.enrolment               | email_newsletter |
      | cme_provider                    | cme_completion_low       | pain_points.cme.completion              | email_newsletter |
      | academic_medical_center         | resident_recruitment     | pain_points.recruitment.residents       | instagram        |
      | hospital                        | staff_recruitment        | pain_points.recruitment.staff           | linkedin         |
      | health_foundation               | fundraising              | pain_points.fundraising.prompt-and-convert | facebook_page |
      | hospital                        | misinformation           | pain_points.misinformation.answer       | listening        |
      | hospital                        | online_reviews           | pain_points.reviews.claim-and-reply     | review_sites     |
      | hospital                        | patient_education_gap    | pain_points.education.video-first       | youtube          |
      | research_institute              | research_visibility      | pain_points.research.visibility         | linkedin         |
      | medical_association             | advocacy_influence       | pain_points.advocacy.mobilize           | email_newsletter |
      | hospital                        | crisis_readiness         | pain_points.crisis.readiness            | facebook_page    |

  Scenario Outline: a pain-point rule stays silent for another pain point
    Given a minimal "medical_association" profile
    And the pain points include "<other>"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | rule                                       | other                 |
      | pain_points.members.engagement             | member_recruitment_young |
      | pain_points.members.young                  | member_retention      |
      | pain_points.cme.enrolment                  | cme_completion_low    |
      | pain_points.cme.completion                 | cme_enrolment_low     |
      | pain_points.recruitment.residents          | staff_recruitment     |
      | pain_points.recruitment.staff              | resident_recruitment  |
      | pain_points.fundraising.prompt-and-convert | advocacy_influence    |
      | pain_points.misinformation.answer          | crisis_readiness      |
      | pain_points.reviews.claim-and-reply        | misinformation        |
      | pain_points.education.video-first          | research_visibility   |
      | pain_points.research.visibility            | patient_education_gap |
      | pain_points.advocacy.mobilize              | fundraising           |
      | pain_points.crisis.readiness               | misinformation        |

  Scenario: reviews are answered without patient details
    Given a minimal "hospital" profile
    And the pain points include "online_reviews"
    When the advisor assesses the profile
    Then "review_sites" is among the top 2 channels
    And a reason for "review_sites" mentions "$30,000"

  Scenario: crisis readiness comes with a plan reminder
    Given a minimal "hospital" profile
    And the pain points include "crisis_readiness"
    When the advisor assesses the profile
    Then a "info" finding "crisis-readiness-plan" is raised

  Scenario Outline: each pain point carries an outcome KPI
    Given a minimal "medical_association" profile
    And the pain points include "<pain>"
    When the advisor assesses the profile
    Then the rule "pain_points.kpi.<slug>" fires
    And a KPI mentioning "<phrase>" is suggested

    Examples:
      | pain                     | slug              | phrase                        |
      | member_engagement_low    | member-engagement | monthly active contributors   |
      | member_retention         | member-retention  | renewal rate                  |
      | member_recruitment_young | young-members     | new members under 35          |
      | cme_enrolment_low        | cme-enrolment     | registrations from tracked links |
      | cme_completion_low       | cme-completion    | completion rate               |
      | resident_recruitment     | residents         | interview acceptances         |
      | staff_recruitment        | staff             | time to fill                  |
      | fundraising              | fundraising       | online revenue by source      |
      | misinformation           | misinformation    | rumour detected               |
      | online_reviews           | reviews           | average rating                |
      | patient_education_gap    | patient-education | video views                   |
      | research_visibility      | research          | downloads                     |
      | advocacy_influence       | advocacy          | within 6 hours                |
      | crisis_readiness         | crisis            | first public post             |

  Scenario Outline: a pain-point KPI rule stays silent without its pain point
    Given a minimal "medical_association" profile
    And the pain points include "<other>"
    When the advisor assesses the profile
    Then the rule "pain_points.kpi.<slug>" does not fire

    Examples:
      | slug              | other                 |
      | member-engagement | member_retention      |
      | member-retention  | member_engagement_low |
      | young-members     | member_retention      |
      | cme-enrolment     | cme_completion_low    |
      | cme-completion    | cme_enrolment_low     |
      | residents         | staff_recruitment     |
      | staff             | resident_recruitment  |
      | fundraising       | advocacy_influence    |
      | misinformation    | crisis_readiness      |
      | reviews           | misinformation        |
      | patient-education | research_visibility   |
      | research          | patient_education_gap |
      | advocacy          | fundraising           |
      | crisis            | online_reviews        |
