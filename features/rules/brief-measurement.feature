Feature: The brief's measurement plan
  Per objective, the KPI, its data source, how often it is reported and its baseline (stated in
  the profile, or measured in weeks 1-2); tracking that HIPAA allows.

  Scenario Outline: each objective kind is measured by its own KPI
    Given a minimal "medical_association" profile
    And a measurable "<kind>" objective
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And the measurement plan measures "<words>"

    Examples:
      | kind       | rule                            | words                 |
      | talking    | kpis.measurement.talking        | visits to the page    |
      | energizing | kpis.measurement.energizing     | registrations         |
      | supporting | kpis.measurement.supporting     | time to an answer     |
      | listening  | kpis.measurement.listening      | insights logged       |
      | embracing  | kpis.measurement.embracing      | ideas adopted         |

  Scenario: a KPI without a stated baseline is measured in the first two weeks
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the measurement plan for the "talking" objective has a baseline "weeks 1–2"

  Scenario: an organization with only a listening objective has no talking or energizing KPI
    Given a minimal "medical_association" profile
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "kpis.measurement.talking" does not fire
    And the rule "kpis.measurement.energizing" does not fire
    And the rule "kpis.measurement.supporting" does not fire
    And the rule "kpis.measurement.embracing" does not fire

  Scenario: an organization without objectives has no listening KPI
    Given a minimal "medical_association" profile
    And the organization has no objectives
    When the advisor assesses the profile
    Then the rule "kpis.measurement.listening" does not fire

  Scenario: followers stated in the profile are the baseline
    Given a minimal "hospital" profile
    And the current channels:
      | channel       | result | followers | posts_per_week |
      | facebook_page | fair   | 1200      | 2              |
    When the advisor assesses the profile
    Then the rule "kpis.measurement.existing-channels" fires
    And the measurement plan measures "stated in the profile"

  Scenario: a channel run without a follower count gives no stated baseline
    Given a minimal "hospital" profile
    And the organization already runs "facebook_page"
    When the advisor assesses the profile
    Then the rule "kpis.measurement.existing-channels" does not fire

  Scenario: a HIPAA-covered organization tracks with tagged links, not pixels
    Given a minimal "hospital" profile
    And the organization is "hipaa_covered"
    When the advisor assesses the profile
    Then the rule "kpis.measurement.hipaa-safe-tracking" fires
    And the measurement plan measures "No third-party pixels"

  Scenario: an organization not covered by HIPAA gets no HIPAA tracking line
    Given a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "kpis.measurement.hipaa-safe-tracking" does not fire
