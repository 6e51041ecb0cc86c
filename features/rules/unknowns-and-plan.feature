Feature: What the profile leaves out is asked for, and the plan obeys the capacity findings
  "Not given" is neither zero nor plenty: the advice asks for staff hours, expert time,
  moderation, skills and approval time when they are missing. The plan holds no more channels
  than the capacity and scope allow, and channels already run take their place first.

  Scenario: staff hours never given are asked for, and the plan stays small
    Given a minimal "hospital" profile
    And an audience of "patients_general"
    And a measurable "talking" objective for "patient_education"
    When the advisor assesses the profile
    Then the rule "resources.capacity.hours-not-given" fires
    And a "warning" finding "ask-staff-hours" is raised
    And the rule "resources.capacity.none" does not fire
    And the plan holds at most 2 channels

  Scenario: staff hours given are not asked for
    Given a minimal "hospital" profile
    And the team has 10 staff hours per week
    When the advisor assesses the profile
    Then the rule "resources.capacity.hours-not-given" does not fire

  Scenario: expert time, moderation and skills never given are asked for
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "resources.unknown.sme-hours" fires
    And the rule "resources.unknown.moderation" fires
    And the rule "resources.unknown.skills" fires
    And the rule "resources.sme.scarce" does not fire
    And the rule "resources.moderation.none" does not fire
    And the rule "resources.skills.no-writing" does not fire

  Scenario: given values are read, not asked for
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And the resources' sme_hours_per_month is 0
    And the resources' moderation is "none"
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "resources.unknown.sme-hours" does not fire
    And the rule "resources.unknown.moderation" does not fire
    And the rule "resources.unknown.skills" does not fire
    And the rule "resources.sme.scarce" fires
    And the rule "resources.moderation.none" fires

  Scenario: approval time never given is asked for, not read as instant
    Given a minimal "hospital" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.not-given" fires
    And the rule "bottlenecks.approval.fast" does not fire

  Scenario: approval time given is not asked for
    Given a minimal "hospital" profile
    And a measurable "talking" objective
    And the profile has:
      | path                      | value |
      | bottlenecks.approval_days | 1     |
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.not-given" does not fire

  Scenario: a medium team's plan holds email plus two channels
    Given a minimal "hospital" profile
    And the strategy's scope is "program"
    And the team has 12 staff hours per week
    And the team has the skills "writing, design, video and community_management"
    And an audience of "patients_general"
    And an audience of "local_public"
    And a measurable "talking" objective for "patient_education"
    And a measurable "listening" objective for "reputation_management"
    When the advisor assesses the profile
    Then the rule "resources.capacity.medium-two-channels" fires
    And the plan holds at most 3 channels
    And the plan launches "email_newsletter"

  Scenario: a large team still runs a handful of channels
    Given a minimal "academic_medical_center" profile
    And the strategy's scope is "program"
    And the team has 60 staff hours per week
    And the team has the skills "writing, design, video, audio, analytics and community_management"
    And an audience of "patients_general"
    And an audience of "physicians"
    And an audience of "residency_applicants"
    And an audience of "donors_small"
    And a measurable "talking" objective for "patient_education"
    And a measurable "talking" objective for "resident_recruitment"
    And a measurable "energizing" objective for "fundraising"
    When the advisor assesses the profile
    Then the rule "resources.capacity.high-focus" fires
    And the plan holds at most 5 channels

  Scenario: a pilot runs at most three channels
    Given a minimal "hospital" profile
    And the strategy's scope is "pilot"
    And the team has 40 staff hours per week
    And an audience of "patients_general"
    And an audience of "local_public"
    And a measurable "talking" objective for "patient_education"
    When the advisor assesses the profile
    Then the rule "strategy.scope.pilot-channels" fires
    And the plan holds at most 3 channels

  Scenario: a small nonprofit's Facebook page that works is kept before anything is launched
    Given a minimal "small_nonprofit" profile
    And the team has 4 staff hours per week
    And the team has the skills "writing"
    And an audience of "donors_small"
    And a measurable "energizing" objective for "fundraising"
    And the organization already runs "facebook_page" with "good" results
    When the advisor assesses the profile
    Then the plan keeps "facebook_page"
    And the plan holds at most 2 channels

  Scenario: an organization that is not ready launches nothing new, and keeps what it runs
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And a "talking" objective with no measure
    And the team has 10 staff hours per week
    And the team has the skills "writing"
    And the organization already runs "email_newsletter" with "good" results
    When the advisor assesses the profile
    Then the profile is not ready
    And "linkedin" is recommended
    And "linkedin" does not fit the resource plan
    And the plan keeps "email_newsletter"
