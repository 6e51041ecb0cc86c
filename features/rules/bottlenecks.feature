Feature: Bottlenecks rules: the limits of the organization's existing web work
  Slow approvals, missing analytics, IT blocks, CMS limits, scattered accounts, no policy and no
  crisis plan each change the advice. Real-time readiness is a derived fact other rules read.

  Scenario: approvals of more than two days make the organization not real-time ready
    Given a minimal "hospital" profile
    And content approval takes 5 days
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.slow" fires
    And the rule "bottlenecks.approval.fast" does not fire
    And the rule "bottlenecks.realtime.not-ready" fires
    And "x_twitter" is not recommended

  Scenario: approvals within two days keep real-time channels open
    Given a minimal "hospital" profile
    And content approval takes 2 days
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.slow" does not fire
    And the rule "bottlenecks.approval.fast" fires
    And the rule "bottlenecks.realtime.not-ready" does not fire
    And the fact "realtime_ready" is derived

  Scenario: legal review of every post also rules out reacting in real time
    Given a minimal "research_institute" profile
    And the bottleneck "legal_review_required" applies
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.legal-review" fires
    And the rule "bottlenecks.approval.fast" does not fire
    And the rule "bottlenecks.realtime.not-ready" fires

  Scenario: without legal review the legal-review rule is silent
    Given a minimal "research_institute" profile
    And the bottleneck "legal_review_required" does not apply
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.legal-review" does not fire

  Scenario: fast approval and a professional audience allow live coverage
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And content approval takes 1 days
    When the advisor assesses the profile
    Then the rule "bottlenecks.realtime.ready" fires

  Scenario: fast approval for a donor audience adds no live coverage
    Given a minimal "health_foundation" profile
    And an audience of "donors_small"
    And content approval takes 1 days
    When the advisor assesses the profile
    Then the rule "bottlenecks.realtime.ready" does not fire

  Scenario: two weeks of approval block X whatever else speaks for it
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    And content approval takes 14 days
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.very-slow-x" fires
    And "x_twitter" is blocked
    And the block on "x_twitter" lifts when "pre-approved message library"

  Scenario: a week of approval does not block X outright
    Given a minimal "medical_association" profile
    And content approval takes 7 days
    When the advisor assesses the profile
    Then the rule "bottlenecks.approval.very-slow-x" does not fire

  Scenario Outline: each operational bottleneck is named with what to do
    Given a minimal "hospital" profile
    And the bottleneck "<bottleneck>" applies
    When the advisor assesses the profile
    Then the rule "<rule>" fires

    Examples:
      | bottleneck         | rule                            |
      | no_analytics       | bottlenecks.analytics.none      |
      | it_blocks_social   | bottlenecks.it.blocks-social    |
      | cms_limits         | bottlenecks.cms.limits          |
      | scattered_accounts | bottlenecks.accounts.scattered  |
      | no_social_policy   | bottlenecks.policy.none         |
      | no_crisis_plan     | bottlenecks.crisis.none         |

  Scenario Outline: without the bottleneck its rule stays silent
    Given a minimal "hospital" profile
    And the bottleneck "<bottleneck>" does not apply
    When the advisor assesses the profile
    Then the rule "<rule>" does not fire

    Examples:
      | bottleneck         | rule                            |
      | no_analytics       | bottlenecks.analytics.none      |
      | it_blocks_social   | bottlenecks.it.blocks-social    |
      | cms_limits         | bottlenecks.cms.limits          |
      | scattered_accounts | bottlenecks.accounts.scattered  |
      | no_social_policy   | bottlenecks.policy.none         |
      | no_crisis_plan     | bottlenecks.crisis.none         |

  Scenario: no analytics means tracked links before launch
    Given a minimal "health_foundation" profile
    And the bottleneck "no_analytics" applies
    When the advisor assesses the profile
    Then a "warning" finding "no-analytics" is raised
    And the finding "no-analytics" mentions "tracked links"

  Scenario: IT blocking social media is answered with a case for access
    Given a minimal "hospital" profile
    And the bottleneck "it_blocks_social" applies
    When the advisor assesses the profile
    Then a "warning" finding "it-blocks-social" is raised
    And the finding "it-blocks-social" mentions "case for access"

  Scenario: scattered accounts call for hub and spokes before new channels
    Given a minimal "academic_medical_center" profile
    And the bottleneck "scattered_accounts" applies
    When the advisor assesses the profile
    Then a "warning" finding "hub-and-spoke-first" is raised

  Scenario: no social policy blocks hosting a community until one is published
    Given a minimal "medical_association" profile
    And the bottleneck "no_social_policy" applies
    When the advisor assesses the profile
    Then "member_community" is blocked
    And the block on "member_community" lifts when "comment and moderation policy"

  Scenario: no crisis plan holds back viral video launches
    Given a minimal "hospital" profile
    And the bottleneck "no_crisis_plan" applies
    When the advisor assesses the profile
    Then "tiktok" is blocked
    And the block on "tiktok" lifts when "escalation plan"
    And a "warning" finding "no-crisis-plan" is raised
