package io.newsflow.processor.enrich.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The normalised key of a name: equal for the spellings one entity takes in news, so that an entity without a
 * knowledge-base entry still gets one id ({@code nf:org:<key>}), and knowledge-base names match their variants.
 * A pure function of the name and the rules ({@code kb/name-key-rules.tsv}); immutable and thread-safe.
 *
 * <p>What converges (each class tested in {@code NameKeyTest}):
 * <ul>
 *   <li>Cyrillic and its Latin transliterations (BGN/PCGN, scholarly, ISO 9 without diacritics, Ukrainian national,
 *       news spellings): y/i/j, kh/h, ya/ia/ja, yu/iu/ju, ye/je/e at the start, ts/tz, shch/sch/szcz, zh, soft sign
 *       and apostrophe, -iy/-yi/-y/-ii endings, ks/x ({@code Путь домой} = Put' Domoy = Put Domoi = Put Dumoi);</li>
 *   <li>Arabic romanisations: the article al-/el-/ul- dropped before a word, Abd al-/Abdel/Abdul, double letters,
 *       ou/u, ee/i, q/k, and the vowel pairs a/e, o/u (Mohammed = Muhammad = Mohamed);</li>
 *   <li>British and American spelling: defence/defense, -isation/-ization, -ise/-ize, -our/-or, -tre/-ter,
 *       programme/program (the American form is kept);</li>
 *   <li>government bodies in any word order: {@code [country] head domain} — Interior Ministry = Ministry of
 *       Internal Affairs = ministry of the interior; Russia's Defence Ministry = Ministry of Defence of the Russian
 *       Federation = Russian Defense Ministry ({@code ru-ministry-defense});</li>
 *   <li>features: "Sea of Azov" = "Azov Sea", "River Dnipro" = "Dnipro River";</li>
 *   <li>a leading article ("the"), function words, a country before a name or after "of" (Armed Forces of Ukraine =
 *       Ukraine's Armed Forces = Ukrainian Armed Forces), and acronyms with or without dots (U.K. = UK).</li>
 * </ul>
 * Acronym and expansion are not one key (AFP / Agence France-Presse): linking them is the knowledge base's job
 * (aliases) or, within one article, the recogniser's, helped by {@link #initials} and {@link #isAcronymOf}.
 *
 * <p>Changing this class or its rules changes the {@code nf:} ids of entities that are not in the knowledge base;
 * that is a new enricher version (see docs/enrichment.md, "Ids").
 */
public final class NameKey {

    private final Set<String> stopwords = new HashSet<>();
    private final Set<String> particles = new HashSet<>();
    private final Map<String, String> spelling = new HashMap<>();
    private final Map<String, String> phrases = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> domains = new HashMap<>();
    private final Map<String, String> countries = new HashMap<>();
    private final Map<String, String> features = new HashMap<>();
    private int longest = 1;

    private static volatile NameKey standard;

    private NameKey() {}

    /** The bundled rules ({@code /kb/name-key-rules.tsv}), loaded once per process. */
    public static NameKey standard() {
        NameKey k = standard;
        if (k == null) {
            synchronized (NameKey.class) {
                k = standard;
                if (k == null) {
                    try (InputStream in = NameKey.class.getResourceAsStream("/kb/name-key-rules.tsv")) {
                        if (in == null) throw new IllegalStateException("missing resource /kb/name-key-rules.tsv");
                        k = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = k;
                }
            }
        }
        return k;
    }

    /** Rules in the format of {@code kb/name-key-rules.tsv}: section, canonical, variants ('|'), source. */
    public static NameKey read(InputStream in) throws IOException {
        NameKey k = new NameKey();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 3) throw new IllegalArgumentException("name-key rules line " + n + ": expected section, canonical, variants");
            k.add(f[0].trim(), f[1].trim(), f[2].split("\\|"), n);
        }
        return k;
    }

    private void add(String section, String canonical, String[] variants, int line) {
        for (String raw : variants) {
            String v = String.join(" ", Text.words(raw));
            if (v.isEmpty()) continue;
            longest = Math.max(longest, v.split(" ").length);
            switch (section) {
                case "stopword": stopwords.add(v); break;
                case "particle": particles.add(v); break;
                case "spelling": spelling.put(v, canonical); break;
                case "phrase": phrases.put(v, canonical); break;
                case "body": bodies.put(v, canonical); break;
                case "domain": domains.put(v, canonical); break;
                case "country": countries.put(v, canonical.toLowerCase(java.util.Locale.ROOT)); break;
                case "feature": features.put(v, canonical); break;
                default: throw new IllegalArgumentException("name-key rules line " + line + ": unknown section " + section);
            }
        }
    }

    /**
     * The key of a name: words joined by '-', each in its spelling-insensitive form ({@link #word}), government
     * bodies and features in canonical order; "" for a name without letters or digits.
     */
    public String of(String name) {
        List<String> words = prepare(name);
        if (words.isEmpty()) return "";
        if (words.size() == 1 && isAcronymText(name)) return words.get(0);
        List<String> toks = phrases(words);
        int featureAt = featureAt(toks);
        // a feature's name keeps its words ("Jordan River" is no Jordanian river); other names lose their country
        String cc = featureAt < 0 ? country(toks) : null;
        String body = null;
        for (String t : toks) {
            if (bodies.containsKey(t)) { body = bodies.get(t); break; }
        }
        List<String> out = new ArrayList<>(toks.size() + 1);
        if (cc != null) out.add(cc);
        if (body != null) {
            bodyKey(toks, body, out);
        } else {
            for (int i = 0; i < toks.size(); i++) if (i != featureAt) addContent(toks, i, out);
            if (featureAt >= 0) out.add(features.get(toks.get(featureAt)));
        }
        if (out.isEmpty() || out.size() == 1 && cc != null) return fallback(words);
        return String.join("-", out);
    }

    /**
     * The key of a person's name: its first and last word ("Benjamin Ze'ev Netanyahu" = "Benjamin Netanyahu"), each
     * spelled out as in {@link #of}, the Arabic article dropped ("Abdel Fattah al-Burhan" → abdal-burhan).
     */
    public String person(String name) {
        List<String> words = prepare(name);
        List<String> toks = phrases(words);
        List<String> content = new ArrayList<>(toks.size());
        for (int i = 0; i < toks.size(); i++) addContent(toks, i, content);
        if (content.isEmpty()) return fallback(words);
        return content.size() == 1 ? content.get(0) : content.get(0) + "-" + content.get(content.size() - 1);
    }

    /** Words, transliterated, with runs of single letters joined ("U.S." → "us") and a leading "the" dropped. */
    private List<String> prepare(String name) {
        List<String> raw = Text.words(name);
        List<String> words = new ArrayList<>(raw.size());
        StringBuilder letters = new StringBuilder();
        for (String w : raw) {
            w = Cyrillic.latin(w);
            if (w.length() == 1 && Character.isLetter(w.charAt(0))) {
                letters.append(w);
                continue;
            }
            flushLetters(letters, words);
            words.add(w);
        }
        flushLetters(letters, words);
        if (words.size() > 1 && words.get(0).equals("the")) words.remove(0);
        for (int i = 0; i < words.size(); i++) {
            String s = spelling.get(words.get(i));
            if (s != null) words.set(i, s);
        }
        return words;
    }

    private static void flushLetters(StringBuilder letters, List<String> words) {
        if (letters.length() > 0) words.add(letters.toString());
        letters.setLength(0);
    }

    private static boolean isAcronymText(String name) {
        return Text.isAllCaps(name) && name.codePoints().filter(Character::isLetter).count() <= 6;
    }

    /** Multi-word phrases of the rules (countries, domains, name elements) as single canonical tokens. */
    private List<String> phrases(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); ) {
            int matched = 0;
            String canon = null;
            boolean country = false;
            for (int n = Math.min(longest, words.size() - i); n >= 2 && matched == 0; n--) {
                String p = String.join(" ", words.subList(i, i + n));
                if (countries.containsKey(p)) { matched = n; canon = p; country = true; }
                else if (phrases.containsKey(p)) { matched = n; canon = phrases.get(p); }
                else if (domains.containsKey(p)) { matched = n; canon = p; }
            }
            if (matched == 0) {
                String w = words.get(i);
                String p = phrases.get(w);
                out.add(p != null ? p : w);
                i++;
            } else {
                // countries and domains stay phrases (decided in context); name elements become one word
                out.add(canon);
                i += matched;
            }
        }
        return out;
    }

    /**
     * A country named before the name ("Russian", "Ukraine's") or after a final "of [the]" ("... of Ukraine") is
     * taken out of the words and returned as its code; only when other content words remain.
     */
    private String country(List<String> toks) {
        int content = 0;
        for (String t : toks) if (!stopwords.contains(t)) content++;
        if (content < 2) return null;
        String first = toks.get(0);
        String cc = countries.get(first);
        if (cc != null) {
            toks.remove(0);
            return cc;
        }
        int last = toks.size() - 1;
        cc = countries.get(toks.get(last));
        if (cc != null && last >= 1 && (toks.get(last - 1).equals("of")
            || toks.get(last - 1).equals("the") && last >= 2 && toks.get(last - 2).equals("of"))) {
            toks.remove(last);
            return cc;
        }
        return null;
    }

    /** The index of a feature head that starts or ends the name ("Sea of Azov", "Azov Sea"), or -1. */
    private int featureAt(List<String> toks) {
        if (toks.size() < 2) return -1;
        if (features.containsKey(toks.get(0))) return 0;
        int last = lastContent(toks);
        return last > 0 && features.containsKey(toks.get(last)) ? last : -1;
    }

    private int lastContent(List<String> toks) {
        for (int i = toks.size() - 1; i >= 0; i--) if (!stopwords.contains(toks.get(i))) return i;
        return -1;
    }

    /** head, then the domain (canonical) or the other content words in their order. */
    private void bodyKey(List<String> toks, String body, List<String> out) {
        out.add(body);
        List<String> rest = new ArrayList<>();
        String domain = null;
        for (int i = 0; i < toks.size(); i++) {
            String t = toks.get(i);
            if (bodies.containsKey(t) && bodies.get(t).equals(body)) continue;
            String d = domains.get(t);
            if (d != null && domain == null) { domain = d; continue; }
            addContent(toks, i, rest);
        }
        if (domain != null) out.add(domain);
        out.addAll(rest);
    }

    /** The spelled-out form of a content word, or nothing for function words and (before another word) particles. */
    private void addContent(List<String> toks, int i, List<String> out) {
        String t = toks.get(i);
        if (stopwords.contains(t)) return;
        if (particles.contains(t) && i + 1 < toks.size()) return;
        out.add(word(t.replace(' ', '-')));
    }

    /** A name of function words only ("The The"): its words spelled out, nothing dropped. */
    private String fallback(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) out.add(word(w));
        return String.join("-", out);
    }

    /**
     * One word in its spelling-insensitive form (lower-case Latin input): British suffixes as American, digraphs of
     * transliteration merged (shch/sch → sh, kh → h, ph → f, ck/q → k, x → ks, tz → ts, w → v), soft c → s, hard
     * c → k, j and y as i, a leading ye/je/ie as e, vowels in three classes (a/e → a, o/u → u, i), ee → i, and
     * doubled letters once. "zelenskyy" → zalanski, "mohammed" → muhamad, "organisation" → urganizatiun.
     */
    public String word(String w) {
        if (w.isEmpty() || Character.isDigit(w.charAt(0))) return w;
        String s = Suffixes.american(w);
        StringBuilder b = new StringBuilder(s.length() + 2);
        int n = s.length();
        int i = 0;
        if (s.length() > 2 && (s.startsWith("ye") || s.startsWith("je") || s.startsWith("ie"))) i = 1;
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            if (s.startsWith("shch", i) || s.startsWith("szcz", i)) { b.append("sh"); i += 4; continue; }
            if (s.startsWith("sch", i) || s.startsWith("tch", i)) { b.append(c == 's' ? "sh" : "ch"); i += 3; continue; }
            if (c == 's' && next == 'z' || c == 'c' && next == 'z') { b.append(c == 's' ? "sh" : "ch"); i += 2; continue; }
            if (c == 'c' && next == 'h') { b.append("ch"); i += 2; continue; }
            if (c == 'k' && next == 'h' || c == 'g' && next == 'h') { b.append(c == 'k' ? 'h' : 'g'); i += 2; continue; }
            if (c == 'p' && next == 'h') { b.append('f'); i += 2; continue; }
            if (c == 'c' && next == 'k') { b.append('k'); i += 2; continue; }
            if (c == 't' && next == 'z') { b.append("ts"); i += 2; continue; }
            if (c == 'e' && next == 'e') { b.append('i'); i += 2; continue; }
            b.append(letter(c, next, i > 0 ? s.charAt(i - 1) : 0));
            i++;
        }
        return collapse(b);
    }

    private static String letter(char c, char next, char prev) {
        switch (c) {
            case 'q': return "k";
            case 'x': return "ks";
            case 'w': return "v";
            case 'c': return next == 'e' || next == 'i' || next == 'y' ? "s" : "k";
            case 'j': return prev == 'd' ? "j" : "i";
            case 'y': return "i";
            case 'e': return "a";
            case 'o': return "u";
            default: return String.valueOf(c);
        }
    }

    private static String collapse(StringBuilder b) {
        StringBuilder out = new StringBuilder(b.length());
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (out.length() > 0 && out.charAt(out.length() - 1) == c) continue;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * The initials of an expansion, upper case, ignoring function words ({@code stopword} rules: of, the, and,
     * for, ...); a hyphenated word gives one initial per part, a word in capitals all its letters:
     * "Agence France-Presse" → AFP, "International Committee of the Red Cross" → ICRC,
     * "UN High Commissioner for Refugees" → UNHCR.
     */
    public String initials(String expansion) {
        return initials(expansion, true);
    }

    private String initials(String expansion, boolean skipStopwords) {
        StringBuilder b = new StringBuilder();
        for (String part : expansion.trim().split("[\\s\\-\u2010\u2013/]+")) {
            String clean = part.replaceAll("[^\\p{L}\\p{N}]", "");
            if (clean.isEmpty()) continue;
            if (skipStopwords && stopwords.contains(Text.fold(clean))) continue;
            if (clean.length() >= 2 && Text.isAllCaps(clean)) b.append(clean);
            else b.append(Character.toUpperCase(clean.charAt(0)));
        }
        return Text.fold(b.toString()).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Whether {@code acronym} (dots ignored: "U.N.") stands for {@code expansion}: its letters are the expansion's
     * {@link #initials}, with or without the function words ("ISIS" = Islamic State of Iraq and Syria; "MoD" =
     * Ministry of Defence).
     */
    public boolean isAcronymOf(String acronym, String expansion) {
        String a = Text.fold(acronym.replaceAll("[^\\p{L}\\p{N}]", "")).toUpperCase(java.util.Locale.ROOT);
        if (a.length() < 2) return false;
        return a.equals(initials(expansion, true)) || a.equals(initials(expansion, false));
    }

    /** Whether the word (lower case) heads geographic features in the rules: sea, gulf, river, lake, strait ... */
    public boolean isFeatureHead(String word) {
        return features.containsKey(word);
    }

    /** Whether the key's rules know this word or phrase (folded, lower case) as a country; its code or null. */
    public String countryCode(String phrase) {
        String c = countries.get(String.join(" ", Text.words(phrase)));
        return c == null ? null : c.toUpperCase(java.util.Locale.ROOT);
    }
}
