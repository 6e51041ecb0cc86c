Feature: Objectives rules: "Why?" comes first, and each objective points to its technology
  POST asks for a measurable objective before any channel. These scenarios prove each objectives
  rule fires on the profile it is written for and stays silent on a near miss.

  Scenario: with no objective at all the advisor refuses to pick channels
    Given a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "objectives.why.no-objectives" fires
    And a "blocker" finding "no-objectives" is raised
    And the profile is not ready

  Scenario: one measurable objective removes the no-objectives blocker
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "objectives.why.no-objectives" does not fire
    And no finding "no-objectives" is raised

  Scenario: a goal without metric, target or date is the "Why?" blocker
    Given a minimal "medical_association" profile
    And a "talking" objective for "awareness" with no measure
    When the advisor assesses the profile
    Then the rule "objectives.why.not-measurable" fires
    And a "blocker" finding "objectives-not-measurable" is raised
    And the finding "objectives-not-measurable" mentions "SMART"

  Scenario: a measurable objective answers the "Why?" question
    Given a minimal "medical_association" profile
    And a measurable "talking" objective for "awareness"
    When the advisor assesses the profile
    Then the rule "objectives.why.not-measurable" does not fire
    And no finding "objectives-not-measurable" is raised

  Scenario: no objectives at all is reported as missing, not as unmeasurable
    Given a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "objectives.why.not-measurable" does not fire

  Scenario: one unmeasured objective beside a measured one gets a warning, not a blocker
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And a "listening" objective with no measure
    When the advisor assesses the profile
    Then the rule "objectives.why.one-objective-unmeasured" fires
    And a "warning" finding "objective-needs-measure" is raised
    And no finding "objectives-not-measurable" is raised

  Scenario: when every objective is measurable no objective is singled out
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "objectives.why.one-objective-unmeasured" does not fire

  Scenario: a metric without a target is flagged so a number gets set
    Given a minimal "cme_provider" profile
    And the objectives:
      | kind    | goal                 | metric        |
      | talking | Fill the CME courses | registrations |
    When the advisor assesses the profile
    Then the rule "objectives.smart.metric-without-target" fires
    And a "info" finding "set-a-target" is raised

  Scenario: a metric with a target is not flagged
    Given a minimal "cme_provider" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "objectives.smart.metric-without-target" does not fire

  Scenario: three kinds of objective at once are too many
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And a measurable "listening" objective
    And a measurable "supporting" objective
    When the advisor assesses the profile
    Then the rule "objectives.focus.too-many" fires
    And a "warning" finding "too-many-objectives" is raised

  Scenario: two kinds of objective are still a focus
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "objectives.focus.too-many" does not fire

  Scenario Outline: each Groundswell objective points to its own technology
    Given a minimal "<type>" profile
    And a measurable "<kind>" objective
    And the team has 20 staff hours per week
    And the team has the skills "writing, analytics and community_management"
    And the resources' moderation is "business_hours"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And "<channel>" is ranked
    And a reason for "<channel>" cites the rule "<rule>"

    Examples:
      | type                       | kind       | rule                               | channel          |
      | medical_association        | listening  | objectives.listening.monitoring    | listening        |
      | medical_association        | talking    | objectives.talking.content-home    | blog             |
      | patient_advocacy_nonprofit | supporting | objectives.supporting.peer-support | facebook_group   |
      | medical_association        | embracing  | objectives.embracing.co-design     | member_community |

  Scenario Outline: an objective-kind rule stays silent for other kinds
    Given a minimal "medical_association" profile
    And a measurable "<other>" objective
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | rule                               | other      |
      | objectives.listening.monitoring    | talking    |
      | objectives.talking.content-home    | listening  |
      | objectives.supporting.peer-support | talking    |
      | objectives.embracing.co-design     | supporting |

  Scenario: listening for needs assessment adds a private panel
    Given a minimal "medical_association" profile
    And a measurable "listening" objective for "needs_assessment"
    When the advisor assesses the profile
    Then the rule "objectives.listening.private-panel" fires
    And a reason for "member_community" mentions "focus group"

  Scenario: listening without a needs-assessment focus gets no panel
    Given a minimal "medical_association" profile
    And a measurable "listening" objective for "reputation_management"
    When the advisor assesses the profile
    Then the rule "objectives.listening.private-panel" does not fire

  Scenario: an embracing objective needs a loop that reports back
    Given a minimal "medical_association" profile
    And a measurable "embracing" objective
    When the advisor assesses the profile
    Then the rule "objectives.embracing.co-design" fires
    And a reason for "member_community" mentions "reports back"

  Scenario: energizing patients the organization sees goes through reviews
    Given a minimal "hospital" profile
    And the organization is "direct_patient_contact"
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the rule "objectives.energizing.reviews" fires
    And "review_sites" is recommended

  Scenario: without direct patient contact there are no reviews to energize
    Given a minimal "medical_association" profile
    And a measurable "energizing" objective
    When the advisor assesses the profile
    Then the rule "objectives.energizing.reviews" does not fire

  Scenario: energizing by joining favours existing groups
    Given a minimal "patient_advocacy_nonprofit" profile
    And a measurable "energizing" objective
    And the strategy's approach is "join"
    When the advisor assesses the profile
    Then the rule "objectives.energizing.join-enthusiasts" fires

  Scenario: energizing by building does not count as joining
    Given a minimal "patient_advocacy_nonprofit" profile
    And a measurable "energizing" objective
    And the strategy's approach is "build"
    When the advisor assesses the profile
    Then the rule "objectives.energizing.join-enthusiasts" does not fire

  Scenario: enthusiasts who need each other justify an own community
    Given a minimal "health_professional_association" profile
    And the audiences:
      | segment | need_to_connect |
      | members | true            |
    And a measurable "energizing" objective
    And the strategy's approach is "build"
    When the advisor assesses the profile
    Then the rule "objectives.energizing.own-community" fires

  Scenario: no own community when the audience does not need to connect
    Given a minimal "health_professional_association" profile
    And the audiences:
      | segment | need_to_connect |
      | members | false           |
    And a measurable "energizing" objective
    And the strategy's approach is "build"
    When the advisor assesses the profile
    Then the rule "objectives.energizing.own-community" does not fire

  Scenario Outline: each healthcare focus brings its own channels
    Given a minimal "<type>" profile
    And a measurable "<kind>" objective for "<focus>"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And "<channel>" is ranked
    And a reason for "<channel>" cites the rule "<rule>"

    Examples:
      | type                       | kind       | focus                   | rule                                        | channel          |
      | medical_association        | talking    | awareness               | objectives.talking.awareness-video          | youtube          |
      | hospital                   | talking    | patient_education       | objectives.talking.awareness-video          | youtube          |
      | cme_provider               | energizing | cme_enrolment           | objectives.focus.cme-enrolment              | email_newsletter |
      | cme_provider               | supporting | cme_delivery            | objectives.focus.cme-delivery               | webinars         |
      | academic_medical_center    | talking    | resident_recruitment    | objectives.focus.recruitment                | instagram        |
      | hospital                   | talking    | staff_recruitment       | objectives.focus.staff-recruitment          | linkedin         |
      | health_foundation          | energizing | fundraising             | objectives.focus.fundraising                | email_newsletter |
      | medical_association        | energizing | advocacy                | objectives.focus.advocacy                   | email_newsletter |
      | research_institute         | talking    | research_dissemination  | objectives.focus.research-dissemination     | bluesky_mastodon |
      | public_health_agency       | talking    | crisis_communication    | objectives.focus.crisis-communication       | facebook_page    |
      | public_health_agency       | listening  | misinformation_response | objectives.focus.misinformation-response    | listening        |
      | hospital                   | listening  | reputation_management   | objectives.focus.reputation                 | review_sites     |

  Scenario Outline: a focus rule stays silent for another focus
    Given a minimal "medical_association" profile
    And a measurable "<kind>" objective for "<other>"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | kind       | other              | rule                                     |
      | talking    | staff_recruitment  | objectives.talking.awareness-video       |
      | listening  | awareness          | objectives.talking.awareness-video       |
      | energizing | fundraising        | objectives.focus.cme-enrolment           |
      | supporting | member_engagement  | objectives.focus.cme-delivery            |
      | talking    | staff_recruitment  | objectives.focus.recruitment             |
      | talking    | resident_recruitment | objectives.focus.staff-recruitment     |
      | energizing | advocacy           | objectives.focus.fundraising             |
      | energizing | fundraising        | objectives.focus.advocacy                |
      | talking    | awareness          | objectives.focus.research-dissemination  |
      | talking    | awareness          | objectives.focus.crisis-communication    |
      | listening  | needs_assessment   | objectives.focus.misinformation-response |
      | listening  | needs_assessment   | objectives.focus.reputation              |

  Scenario Outline: every objective kind carries outcome KPIs, not follower counts
    Given a minimal "medical_association" profile
    And a measurable "<kind>" objective
    When the advisor assesses the profile
    Then the rule "objectives.kpi.<kind>" fires
    And a KPI mentioning "<phrase>" is suggested

    Examples:
      | kind       | phrase                       |
      | listening  | insights logged and acted on |
      | talking    | referral visits              |
      | energizing | referrals                    |
      | supporting | answered by peers            |
      | embracing  | ideas implemented            |

  Scenario Outline: an objective-kind KPI rule stays silent for other kinds
    Given a minimal "medical_association" profile
    And a measurable "<other>" objective
    When the advisor assesses the profile
    Then the rule "objectives.kpi.<kind>" does not fire

    Examples:
      | kind       | other      |
      | listening  | talking    |
      | talking    | listening  |
      | energizing | supporting |
      | supporting | embracing  |
      | embracing  | energizing |
