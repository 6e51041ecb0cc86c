Feature: Moderation beyond business hours and declared constraints are read
  Extended and round-the-clock moderation change what the organization can run; constraints
  declared without the matching organization flag still bring their preconditions.

  Scenario: extended moderation hours staff live sessions, with the hours posted
    Given a minimal "medical_association" profile
    And the resources' moderation is "extended"
    When the advisor assesses the profile
    Then the rule "resources.moderation.extended" fires
    And the precondition "posted-moderation-hours" is stated
    And a reason for "webinars" cites the rule "resources.moderation.extended"

  Scenario: round-the-clock moderation makes a hosted community feasible, with an escalation path
    Given a minimal "patient_advocacy_nonprofit" profile
    And the resources' moderation is "24x7"
    When the advisor assesses the profile
    Then the rule "resources.moderation.round-the-clock" fires
    And the precondition "moderator-escalation" is stated
    And a reason for "member_community" cites the rule "resources.moderation.round-the-clock"

  Scenario Outline: each moderation rule stays silent for other coverage
    Given a minimal "medical_association" profile
    And the resources' moderation is "<coverage>"
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | coverage       | rule                                 |
      | business_hours | resources.moderation.extended        |
      | 24x7           | resources.moderation.extended        |
      | extended       | resources.moderation.round-the-clock |
      | none           | resources.moderation.round-the-clock |

  Scenario: moderation coverage not given triggers neither rule
    Given a minimal "medical_association" profile
    When the advisor assesses the profile
    Then the rule "resources.moderation.extended" does not fire
    And the rule "resources.moderation.round-the-clock" does not fire

  Scenario: a joint provider that declares ACCME independence gets the accredited-content precondition
    Given a minimal "medical_association" profile
    And the constraints include "accme_independence"
    When the advisor assesses the profile
    Then the rule "constraints.accme.independence-declared" fires
    And the rule "constraints.accme.ad-adjacency" does not fire
    And the precondition "accredited-content-on-owned-platform" is stated

  Scenario: an accredited provider gets the precondition from its flag, not from the declaration
    Given a minimal "cme_provider" profile
    And the organization is "accredited_cme_provider"
    And the constraints include "accme_independence"
    When the advisor assesses the profile
    Then the rule "constraints.accme.independence-declared" does not fire
    And the rule "constraints.accme.ad-adjacency" fires

  Scenario: a declared separation of commercial support keeps supporters out of education posts
    Given a minimal "cme_provider" profile
    And the constraints include "commercial_support_separation"
    When the advisor assesses the profile
    Then the rule "constraints.commercial-support.separation-declared" fires
    And the precondition "supporter-separation" is stated

  Scenario: an organization that accepts commercial support gets the precondition from its flag
    Given a minimal "cme_provider" profile
    And the organization is "accepts_commercial_support"
    And the constraints include "commercial_support_separation"
    When the advisor assesses the profile
    Then the rule "constraints.commercial-support.separation-declared" does not fire
    And the rule "constraints.accme.commercial-support" fires
