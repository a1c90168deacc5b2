package io.newsflow.bench.recognisers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two cheap ways to combine a stock model with the project's enrichment, built only to be measured (issue 8):
 * <ul>
 *   <li>{@link #union}: the project's entities, plus the model's names at places where the project found nothing
 *       (a model mention that overlaps a project mention is dropped; one whose normalised text is already a name
 *       or mention of a project entity becomes a mention of that entity, so it keeps the project's id);</li>
 *   <li>{@link #retype}: the project's entities and ids, with the type the model gives the same text where the two
 *       disagree (a strict majority of the model spans that overlap the entity's mentions decides).</li>
 * </ul>
 */
public final class Combinations {

    private Combinations() {
    }

    public static List<FoundEntity> union(String body, List<FoundEntity> project, List<Span> model) {
        Map<String, Integer> projectSurface = new HashMap<>();
        for (int i = 0; i < project.size(); i++) {
            FoundEntity e = project.get(i);
            projectSurface.putIfAbsent(StringIdentity.normalise(e.name()), i);
            for (Span m : e.mentions()) {
                projectSurface.putIfAbsent(StringIdentity.normalise(m.text(body)), i);
            }
        }
        Map<Integer, List<Span>> added = new LinkedHashMap<>();
        List<Span> fresh = new ArrayList<>();
        for (Span span : model) {
            if (project.stream().anyMatch(e -> e.overlaps(span))) {
                continue;
            }
            Integer owner = projectSurface.get(StringIdentity.normalise(span.text(body)));
            if (owner != null) {
                added.computeIfAbsent(owner, k -> new ArrayList<>()).add(span);
            } else {
                fresh.add(span);
            }
        }
        List<FoundEntity> out = new ArrayList<>(project.size());
        for (int i = 0; i < project.size(); i++) {
            FoundEntity e = project.get(i);
            List<Span> more = added.get(i);
            if (more == null) {
                out.add(e);
            } else {
                List<Span> mentions = new ArrayList<>(e.mentions());
                mentions.addAll(more);
                out.add(e.withMentions(mentions));
            }
        }
        out.addAll(StringIdentity.entities(body, fresh));
        return out;
    }

    public static List<FoundEntity> retype(List<FoundEntity> project, List<Span> model) {
        List<FoundEntity> out = new ArrayList<>(project.size());
        for (FoundEntity e : project) {
            List<Span> overlapping = model.stream().filter(e::overlaps).toList();
            String modelType = strictMajority(overlapping);
            out.add(modelType == null || modelType.equals(e.type()) ? e : e.withType(modelType));
        }
        return out;
    }

    private static String strictMajority(List<Span> spans) {
        if (spans.isEmpty()) {
            return null;
        }
        String type = StringIdentity.majorityType(spans);
        long votes = spans.stream().filter(s -> s.type().equals(type)).count();
        return votes * 2 > spans.size() ? type : null;
    }
}
