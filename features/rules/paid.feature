Feature: Paid and organic: what a budget and the paid-media skill change
  A plan without a budget is organic; a budget serves recruitment and enrolment on LinkedIn and
  Meta within their health-targeting limits; a budget without the skill needs help first.

  Scenario: no budget, organic only
    Given a minimal "small_nonprofit" profile
    And a measurable "talking" objective for "awareness"
    When the advisor assesses the profile
    Then the rule "resources.paid.organic-only" fires
    And a "info" finding "organic-only" is raised

  Scenario: a budget means the plan is not organic only
    Given a minimal "small_nonprofit" profile
    And a measurable "talking" objective for "awareness"
    And the resources' budget_per_year is 5000
    When the advisor assesses the profile
    Then the rule "resources.paid.organic-only" does not fire

  Scenario: a budget with a recruitment objective buys reach on LinkedIn and Meta, within the health-targeting limits
    Given a minimal "medical_association" profile
    And a measurable "energizing" objective for "member_recruitment"
    And the resources' budget_per_year is 20000
    And the team has the skills "writing and paid_media"
    When the advisor assesses the profile
    Then the rule "resources.paid.recruitment-amplification" fires
    And the precondition "meta-health-targeting-limits" is stated for "facebook_page"
    And the precondition "linkedin-professional-targeting" is stated for "linkedin"
    And a reason for "linkedin" cites the rule "resources.paid.recruitment-amplification"
    And the rule "resources.paid.needs-skill" does not fire

  Scenario: a recruitment objective without a budget gets no paid amplification
    Given a minimal "medical_association" profile
    And a measurable "energizing" objective for "member_recruitment"
    When the advisor assesses the profile
    Then the rule "resources.paid.recruitment-amplification" does not fire

  Scenario: a budget with an objective paid reach does not serve gets no amplification
    Given a minimal "research_institute" profile
    And a measurable "listening" objective for "needs_assessment"
    And the resources' budget_per_year is 20000
    When the advisor assesses the profile
    Then the rule "resources.paid.recruitment-amplification" does not fire

  Scenario: a budget without the paid-media skill needs help first
    Given a minimal "hospital" profile
    And the resources' budget_per_year is 5000
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "resources.paid.needs-skill" fires
    And the precondition "get-paid-media-help" is stated

  Scenario: no budget, no need for paid-media help
    Given a minimal "hospital" profile
    And the team has the skills "writing"
    When the advisor assesses the profile
    Then the rule "resources.paid.needs-skill" does not fire

  Scenario: a budget for awareness makes creator partnerships possible, with disclosure
    Given a minimal "patient_advocacy_nonprofit" profile
    And a measurable "talking" objective for "patient_education"
    And the resources' budget_per_year is 10000
    When the advisor assesses the profile
    Then the rule "resources.paid.creator-partnerships" fires
    And a finding "creator-partnerships" is raised
    And the precondition "creator-disclosure-contract" is stated

  Scenario: no budget, no paid creator partnerships
    Given a minimal "patient_advocacy_nonprofit" profile
    And a measurable "talking" objective for "patient_education"
    When the advisor assesses the profile
    Then the rule "resources.paid.creator-partnerships" does not fire

  Scenario: recruiting staff brings employee advocacy with a disclosure rule
    Given a minimal "hospital" profile
    And a measurable "energizing" objective for "staff_recruitment"
    When the advisor assesses the profile
    Then the rule "resources.people.employee-advocacy" fires
    And the precondition "employee-advocacy-policy" is stated for "linkedin"

  Scenario: no recruitment, no employee-advocacy advice
    Given a minimal "hospital" profile
    And a measurable "talking" objective for "patient_education"
    When the advisor assesses the profile
    Then the rule "resources.people.employee-advocacy" does not fire
