"""From fired rules to advice: reasons with evidence, ranking and the resource plan."""
