Feature: Every audience detail is read: journalists, allied health, ages 50-64, mixed careers, size and the ladder
  Each audience field and value a profile can state changes the advice. Each scenario proves a
  rule fires on its input and stays silent on a near miss.

  Scenario: reporters are met on LinkedIn, with experts to offer
    Given a minimal "academic_medical_center" profile
    And an audience of "journalists"
    When the advisor assesses the profile
    Then the rule "people.journalists.press-channels" fires
    And a reason for "linkedin" cites the rule "people.journalists.press-channels"
    And a reason for "linkedin" mentions "subject-matter experts"
    And a reason for "blog" cites the rule "people.journalists.press-channels"
    And the precondition "newsroom-experts" is stated

  Scenario: allied health professionals are asked where they learn
    Given a minimal "health_professional_association" profile
    And an audience of "allied_health"
    When the advisor assesses the profile
    Then the rule "people.allied-health.professional-learning" fires
    And a reason for "youtube" cites the rule "people.allied-health.professional-learning"
    And the precondition "ask-allied-platforms" is stated

  Scenario Outline: a profession rule stays silent for another audience
    Given a minimal "hospital" profile
    And an audience of "<other>"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire
    And the precondition "<code>" is not stated

    Examples:
      | rule                                       | other        | code                 |
      | people.journalists.press-channels          | policymakers | newsroom-experts     |
      | people.allied-health.professional-learning | nurses       | ask-allied-platforms |

  Scenario: an audience aged 50-64 is met on Facebook and YouTube
    Given a minimal "hospital" profile
    And the audiences:
      | segment          | ages  |
      | patients_chronic | 50-64 |
    When the advisor assesses the profile
    Then the rule "people.age.50-to-64" fires
    And a reason for "facebook_page" cites the rule "people.age.50-to-64"

  Scenario: outside the US the 50-64 rule, built on US data, stays silent
    Given a minimal "hospital" profile
    And the organization's country is "IN"
    And the audiences:
      | segment          | ages  |
      | patients_chronic | 50-64 |
    When the advisor assesses the profile
    Then the rule "people.age.50-to-64" does not fire

  Scenario: an audience aged 30-49 does not trigger the 50-64 rule
    Given a minimal "hospital" profile
    And the audiences:
      | segment          | ages  |
      | patients_chronic | 30-49 |
    When the advisor assesses the profile
    Then the rule "people.age.50-to-64" does not fire

  Scenario: physicians of every career stage get email and a platform survey
    Given a minimal "medical_association" profile
    And the audiences:
      | segment    | career_stage |
      | physicians | mixed        |
    When the advisor assesses the profile
    Then the rule "people.career.mixed-stages" fires
    And a reason for "email_newsletter" cites the rule "people.career.mixed-stages"
    And the precondition "platforms-by-career-stage" is stated

  Scenario: physicians at one career stage do not trigger the mixed-stage rule
    Given a minimal "medical_association" profile
    And the audiences:
      | segment    | career_stage |
      | physicians | mid_career   |
    When the advisor assesses the profile
    Then the rule "people.career.mixed-stages" does not fire

  Scenario: a small, known audience is measured as a share and reached by email
    Given a minimal "patient_advocacy_nonprofit" profile
    And the audiences:
      | segment               | size |
      | patients_rare_disease | 800  |
    When the advisor assesses the profile
    Then the rule "people.audience-size.reach-share" fires
    And the rule "people.audience-size.small-list" fires
    And a KPI mentioning "share of the audience reached" is suggested
    And a reason for "email_newsletter" mentions "about 800 people"

  Scenario: a large audience is measured as a share but not limited to a list
    Given a minimal "public_health_agency" profile
    And the audiences:
      | segment      | size   |
      | local_public | 250000 |
    When the advisor assesses the profile
    Then the rule "people.audience-size.reach-share" fires
    And the rule "people.audience-size.small-list" does not fire

  Scenario: an audience of unknown size gets neither size rule
    Given a minimal "public_health_agency" profile
    And an audience of "local_public"
    When the advisor assesses the profile
    Then the rule "people.audience-size.reach-share" does not fire
    And the rule "people.audience-size.small-list" does not fire

  Scenario Outline: a rung of the ladder scores the channels that suit it
    Given a minimal "medical_association" profile
    And the audiences:
      | segment | participation |
      | members | <rung>        |
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And a reason for "<channel>" cites the rule "<rule>"
    And the rule "<silent>" does not fire

    Examples:
      | rung       | rule                     | channel       | silent                   |
      | collectors | people.ladder.collectors | blog          | people.ladder.joiners    |
      | joiners    | people.ladder.joiners    | facebook_page | people.ladder.collectors |

  Scenario: a creator audience triggers neither the collectors nor the joiners rule
    Given a minimal "medical_association" profile
    And the audiences:
      | segment | participation |
      | members | creators      |
    When the advisor assesses the profile
    Then the rule "people.ladder.collectors" does not fire
    And the rule "people.ladder.joiners" does not fire
