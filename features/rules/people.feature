Feature: People rules: meet each audience where it already is, at the rung it stands on
  Profession, career stage, age and the participation ladder decide channels. Each scenario pair
  proves a people rule fires for its audience and stays silent for a near miss.

  Scenario: physicians asked to talk are met on professional networks and email
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.physicians.professional-networks" fires
    And a reason for "linkedin" mentions "professional networks"

  Scenario: physicians with only a listening objective get no talking channels from this rule
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "people.physicians.professional-networks" does not fire

  Scenario Outline: a segment rule fires for its segment
    Given a minimal "<type>" profile
    And an audience of "<segment>"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And a reason for "<channel>" cites the rule "<rule>"

    Examples:
      | type                            | segment               | rule                                  | channel          |
      | medical_association             | physicians            | people.physicians.closed-networks     | doximity         |
      | health_professional_association | nurses                | people.nurses.visual-education        | facebook_page    |
      | health_professional_association | pharmacists           | people.pharmacists.spectators         | youtube          |
      | research_institute              | researchers           | people.researchers.dissemination      | bluesky_mastodon |
      | academic_medical_center         | students              | people.students.young-platforms       | instagram        |
      | academic_medical_center         | residency_applicants  | people.students.young-platforms       | reddit           |
      | academic_medical_center         | residency_applicants  | people.applicants.doximity            | doximity         |
      | hospital                        | job_candidates        | people.candidates.linkedin            | linkedin         |
      | patient_advocacy_nonprofit      | patients_rare_disease | people.patients.rare-disease-groups   | facebook_group   |
      | hospital                        | patients_general      | people.patients.health-video          | youtube          |
      | patient_advocacy_nonprofit      | caregivers            | people.caregivers.information         | email_newsletter |
      | public_health_agency            | seniors               | people.age.seniors                    | facebook_page    |
      | hospital                        | local_public          | people.local-public.hospital-presence | review_sites     |
      | public_health_agency            | local_public          | people.local-public.presence          | facebook_page    |
      | medical_association             | members               | people.members.private-community      | member_community |
      | medical_association             | prospective_members   | people.members.prospects              | facebook_page    |
      | medical_association             | lapsed_members        | people.members.prospects              | facebook_page    |
      | health_foundation               | donors_small          | people.donors.small                   | instagram        |
      | health_foundation               | donors_major          | people.donors.major                   | email_newsletter |
      | medical_association             | policymakers          | people.policymakers.mobilize          | email_newsletter |

  Scenario Outline: a segment rule stays silent for another segment
    Given a minimal "medical_association" profile
    And an audience of "<other>"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | rule                                  | other            |
      | people.physicians.closed-networks     | nurses           |
      | people.nurses.visual-education        | physicians       |
      | people.pharmacists.spectators         | nurses           |
      | people.researchers.dissemination      | physicians       |
      | people.students.young-platforms       | physicians       |
      | people.applicants.doximity            | students         |
      | people.candidates.linkedin            | employees        |
      | people.patients.rare-disease-groups   | patients_chronic |
      | people.patients.health-video          | local_public     |
      | people.caregivers.information         | patients_general |
      | people.age.seniors                    | local_public     |
      | people.local-public.hospital-presence | patients_general |
      | people.local-public.presence          | patients_general |
      | people.members.private-community      | prospective_members |
      | people.members.prospects              | members          |
      | people.donors.small                   | donors_major     |
      | people.donors.major                   | donors_small     |
      | people.policymakers.mobilize          | journalists      |

  Scenario: policymakers are moved by speed, and the advisor says so
    Given a minimal "medical_association" profile
    And an audience of "policymakers"
    When the advisor assesses the profile
    Then a "info" finding "advocacy-speed" is raised
    And the finding "advocacy-speed" mentions "congressional"

  Scenario: rare-disease families are joined in their groups, with vetted experts
    Given a minimal "patient_advocacy_nonprofit" profile
    And an audience of "patients_rare_disease"
    And a measurable "supporting" objective
    When the advisor assesses the profile
    Then "facebook_group" is among the top 2 channels
    And a reason for "facebook_group" mentions "rather than building"

  Scenario Outline: career stage shapes physicians' channels
    Given a minimal "medical_association" profile
    And the audiences:
      | segment    | career_stage |
      | physicians | <stage>      |
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And the rule "<silent>" does not fire

    Examples:
      | stage        | rule                            | silent                          |
      | resident     | people.physicians.early-career  | people.physicians.mid-career    |
      | early_career | people.physicians.early-career  | people.physicians.late-career   |
      | mid_career   | people.physicians.mid-career    | people.physicians.early-career  |
      | late_career  | people.physicians.late-career   | people.physicians.mid-career    |

  Scenario: a mixed-career physician audience gets no stage-specific rule
    Given a minimal "medical_association" profile
    And the audiences:
      | segment    | career_stage |
      | physicians | mixed        |
    When the advisor assesses the profile
    Then the rule "people.physicians.early-career" does not fire
    And the rule "people.physicians.mid-career" does not fire
    And the rule "people.physicians.late-career" does not fire

  Scenario: an audience aged 65 and over is kept off Instagram and TikTok
    Given a minimal "hospital" profile
    And the audiences:
      | segment          | ages         |
      | patients_general | 50-64, 65-plus |
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.age.seniors" fires
    And "tiktok" is not recommended
    And "instagram" is not recommended

  Scenario: an audience of 18-29 year-olds is met on Instagram
    Given a minimal "academic_medical_center" profile
    And the audiences:
      | segment  | ages  |
      | students | 18-29 |
    When the advisor assesses the profile
    Then the rule "people.age.under-30" fires
    And the rule "people.age.seniors" does not fire

  Scenario: a middle-aged audience triggers neither age rule
    Given a minimal "hospital" profile
    And the audiences:
      | segment      | ages  |
      | local_public | 30-49 |
    When the advisor assesses the profile
    Then the rule "people.age.under-30" does not fire
    And the rule "people.age.seniors" does not fire

  Scenario Outline: the participation ladder decides between publishing and community
    Given a minimal "medical_association" profile
    And the audiences:
      | segment | participation |
      | members | <rung>        |
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And the rule "<silent>" does not fire

    Examples:
      | rung               | rule                    | silent                  |
      | spectators         | people.ladder.spectators | people.ladder.creators  |
      | inactives          | people.ladder.spectators | people.ladder.creators  |
      | creators           | people.ladder.creators   | people.ladder.spectators |
      | conversationalists | people.ladder.creators   | people.ladder.spectators |

  Scenario: an audience that strongly needs to connect gets a seeded group despite a low rung
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | participation | need_to_connect |
      | patients_chronic | spectators    | true            |
    When the advisor assesses the profile
    Then the rule "people.ladder.need-to-connect" fires
    And the rule "people.ladder.spectators" fires
    And the rule "people.ladder.spectators-no-group" does not fire
    And the rule "people.patients.chronic-peers" fires

  Scenario: spectators with no need to connect get no community push
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment          | participation | need_to_connect |
      | patients_chronic | spectators    | false           |
    When the advisor assesses the profile
    Then the rule "people.ladder.need-to-connect" does not fire
    And the rule "people.ladder.spectators-no-group" fires
    And the rule "people.patients.chronic-peers" does not fire

  Scenario: without any audience the advisor says to listen first
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "people.audience.unknown" fires
    And a "warning" finding "audience-unknown" is raised
    And "listening" is recommended

  Scenario: a described audience needs no listen-first warning
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    When the advisor assesses the profile
    Then the rule "people.audience.unknown" does not fire
    And no finding "audience-unknown" is raised

  Scenario Outline: platforms the audience already uses count for those channels
    Given a minimal "medical_association" profile
    And an audience of "members" on "<platform>"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And a reason for "<channel>" cites the rule "<rule>"

    Examples:
      | platform         | rule                      | channel          |
      | linkedin         | people.platforms.linkedin | linkedin         |
      | doximity         | people.platforms.doximity | doximity         |
      | facebook_group   | people.platforms.facebook | facebook_page    |
      | instagram        | people.platforms.instagram | instagram       |
      | youtube          | people.platforms.youtube  | youtube          |
      | email_newsletter | people.platforms.email    | email_newsletter |

  Scenario Outline: a platform rule stays silent when the audience is elsewhere
    Given a minimal "medical_association" profile
    And an audience of "members" on "pinterest"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | rule                       |
      | people.platforms.linkedin  |
      | people.platforms.doximity  |
      | people.platforms.facebook  |
      | people.platforms.instagram |
      | people.platforms.youtube   |
      | people.platforms.email     |

  Scenario: a public health agency's local public is not told about hospitals and review sites
    Given a minimal "public_health_agency" profile
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "people.local-public.presence" fires
    And the rule "people.local-public.hospital-presence" does not fire
