Feature: Strategy rules: build or join, pilot or program, and what will be different
  Each strategy rule fires on the situation it names and stays silent otherwise.

  Scenario: a join strategy favours existing groups over an own community
    Given a minimal "patient_advocacy_nonprofit" profile
    And the strategy's approach is "join"
    When the advisor assesses the profile
    Then the rule "strategy.build-join.join-first" fires
    And a reason for "facebook_group" cites the rule "strategy.build-join.join-first"

  Scenario: a build strategy is not a join strategy
    Given a minimal "patient_advocacy_nonprofit" profile
    And the strategy's approach is "build"
    When the advisor assesses the profile
    Then the rule "strategy.build-join.join-first" does not fire

  Scenario: building a community with a few hours a week is warned against
    Given a minimal "medical_association" profile
    And the strategy's approach is "build"
    And the team has 3 staff hours per week
    When the advisor assesses the profile
    Then the rule "strategy.build-join.build-without-capacity" fires
    And a "warning" finding "build-without-capacity" is raised
    And the finding "build-without-capacity" mentions "5-10 hours a week"

  Scenario: building with a medium-sized team is not warned against
    Given a minimal "medical_association" profile
    And the strategy's approach is "build"
    And the team has 12 staff hours per week
    When the advisor assesses the profile
    Then the rule "strategy.build-join.build-without-capacity" does not fire

  Scenario: patient audiences prompt the build-or-join question
    Given a minimal "patient_advocacy_nonprofit" profile
    And an audience of "patients_chronic"
    When the advisor assesses the profile
    Then the rule "strategy.build-join.consider-joining" fires
    And a "info" finding "consider-joining" is raised

  Scenario: a professional audience does not prompt the patient-group question
    Given a minimal "medical_association" profile
    And an audience of "physicians"
    When the advisor assesses the profile
    Then the rule "strategy.build-join.consider-joining" does not fire

  Scenario: an organization that already chose to join is not asked again
    Given a minimal "patient_advocacy_nonprofit" profile
    And an audience of "caregivers"
    And the strategy's approach is "join"
    When the advisor assesses the profile
    Then the rule "strategy.build-join.consider-joining" does not fire

  Scenario: objectives without a stated change in relationship get a prompt
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "strategy.relationship.undefined" fires
    And a "info" finding "relationship-change-undefined" is raised

  Scenario: a stated relationship change needs no prompt
    Given a minimal "medical_association" profile
    And a measurable "talking" objective
    And the strategy's relationship_change is "Members help each other between meetings"
    When the advisor assesses the profile
    Then the rule "strategy.relationship.undefined" does not fire

  Scenario: a full program without an executive sponsor is held to pilot scope
    Given a minimal "hospital" profile
    And the strategy's scope is "program"
    And there is no executive sponsor
    When the advisor assesses the profile
    Then the rule "strategy.scope.program-without-sponsor" fires
    And a "warning" finding "pilot-without-sponsor" is raised

  Scenario: a sponsored program is not held back
    Given a minimal "hospital" profile
    And the strategy's scope is "program"
    And there is an executive sponsor
    When the advisor assesses the profile
    Then the rule "strategy.scope.program-without-sponsor" does not fire

  Scenario: an unsponsored pilot with two kinds of objective is told to narrow
    Given a minimal "medical_association" profile
    And the strategy's scope is "pilot"
    And a measurable "talking" objective
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "strategy.scope.pilot-focus" fires
    And a "info" finding "pilot-one-objective" is raised

  Scenario: an unsponsored pilot with one objective is already narrow
    Given a minimal "medical_association" profile
    And the strategy's scope is "pilot"
    And a measurable "talking" objective
    When the advisor assesses the profile
    Then the rule "strategy.scope.pilot-focus" does not fire

  Scenario: a sponsored program in a large organization is organized as hub and spokes
    Given a minimal "academic_medical_center" profile
    And the organization's size is "large"
    And the strategy's scope is "program"
    And there is an executive sponsor
    When the advisor assesses the profile
    Then the rule "strategy.governance.sponsor-program" fires
    And a "info" finding "hub-and-spoke-governance" is raised

  Scenario: a micro organization needs no hub
    Given a minimal "small_nonprofit" profile
    And the organization's size is "micro"
    And the strategy's scope is "program"
    And there is an executive sponsor
    When the advisor assesses the profile
    Then the rule "strategy.governance.sponsor-program" does not fire
