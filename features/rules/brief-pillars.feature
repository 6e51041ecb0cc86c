Feature: The brief's content pillars
  Pillars come from what the organization wants and what hurts: its objectives' focus, its pain
  points and its audiences.

  Scenario: the small not-for-profit's pillars come from its audiences and pain points
    Given the profile "../../profiles/small-nonprofit.yaml"
    When the advisor assesses the profile
    Then the rule "objectives.pillars.peer-support" fires
    And the brief has the content pillar "From people who have been there"

  Scenario: the academic medical centre's pillars come from research, recruitment and its emergency role
    Given the profile "../../profiles/academic-medical-center.yaml"
    When the advisor assesses the profile
    Then the rule "objectives.pillars.research-made-readable" fires
    And the rule "objectives.pillars.careers" fires
    And the rule "objectives.pillars.preparedness" fires
    And the brief has the content pillar "Life here"
    And the rule "objectives.pillars.peer-support" does not fire

  Scenario Outline: a focus or pain point brings its pillar
    Given a minimal "medical_association" profile
    And a measurable "talking" objective for "<focus>"
    When the advisor assesses the profile
    Then the rule "<rule>" fires
    And the brief has the content pillar "<pillar>"

    Examples:
      | focus                   | rule                                  | pillar                    |
      | patient_education       | objectives.pillars.patient-education  | Answers patients look for |
      | misinformation_response | objectives.pillars.myth-busting       | Myths answered            |
      | member_engagement       | objectives.pillars.member-value       | Members' voices           |
      | cme_enrolment           | objectives.pillars.learning-moments   | Learning moments          |
      | fundraising             | objectives.pillars.impact-stories     | What your gift did        |

  Scenario: a pain point alone brings the pillar too
    Given a minimal "hospital" profile
    And the pain points include "misinformation"
    When the advisor assesses the profile
    Then the rule "objectives.pillars.myth-busting" fires

  Scenario: an organization without those objectives or pain points gets none of those pillars
    Given a minimal "medical_association" profile
    And a measurable "listening" objective
    When the advisor assesses the profile
    Then the rule "objectives.pillars.patient-education" does not fire
    And the rule "objectives.pillars.myth-busting" does not fire
    And the rule "objectives.pillars.member-value" does not fire
    And the rule "objectives.pillars.learning-moments" does not fire
    And the rule "objectives.pillars.research-made-readable" does not fire
    And the rule "objectives.pillars.impact-stories" does not fire
    And the rule "objectives.pillars.careers" does not fire
    And the rule "objectives.pillars.preparedness" does not fire
    And the rule "objectives.pillars.peer-support" does not fire
