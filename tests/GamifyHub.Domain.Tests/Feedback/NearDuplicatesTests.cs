using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GamifyHub.Domain.Feedback;

namespace GamifyHub.Domain.Tests.Feedback;

public class NearDuplicatesTests
{
    [Theory]
    [InlineData("The app crashes when I open the camera", "the APP crashes... when I open the camera!!!")]
    [InlineData("The app crashes when I open the camera", "The app crashes when I open the camera https://t.co/abc123")]
    [InlineData("The app crashes when I open the camera", "  The\tapp\n crashes when I open   the camera  ")]
    [InlineData("Die Lieferung kam viel zu spät an", "die lieferung kam viel zu spat an")]
    [InlineData("Crash,again and again today", "crash again and again today")]
    [InlineData("www.example.com The app crashes on start", "The app crashes on start")]
    public void Reposts_that_differ_in_case_punctuation_whitespace_accents_or_links_are_near_duplicates(string a, string b)
    {
        Assert.True(NearDuplicates.AreNearDuplicates(a, b));
        Assert.Equal(NearDuplicates.Fingerprint(a), NearDuplicates.Fingerprint(b));
    }

    [Theory]
    [InlineData("The app crashes when I open the camera", "The app crashes when I open the gallery")]
    [InlineData("The app crashes when I open the camera", "The app never crashes when I open the camera")]
    [InlineData("I love it, five stars from me", "I hate it, five stars from me")]
    public void Texts_with_different_words_are_not(string a, string b)
    {
        Assert.False(NearDuplicates.AreNearDuplicates(a, b));
        Assert.NotEqual(NearDuplicates.Fingerprint(a), NearDuplicates.Fingerprint(b));
    }

    [Theory]
    [InlineData("Thanks!")]
    [InlineData("Great app, thanks")]
    [InlineData("!!! ??? https://example.com/a")]
    [InlineData("")]
    public void Short_or_wordless_texts_have_no_fingerprint(string text)
    {
        Assert.Null(NearDuplicates.Fingerprint(text));
        Assert.False(NearDuplicates.AreNearDuplicates(text, text));
    }

    [Fact]
    public void The_fingerprint_is_a_fixed_length_lower_case_hex_string()
    {
        var fingerprint = NearDuplicates.Fingerprint("The delivery was late again this week")!;
        Assert.Equal(NearDuplicates.FingerprintLength, fingerprint.Length);
        Assert.Matches("^[0-9a-f]+$", fingerprint);
        Assert.Equal("the delivery was late again this week", NearDuplicates.Canonical("The delivery was late, again (this week)!"));
    }

    private static readonly string[] Noise = [" ", "  ", "\t", "\n", ", ", "! ", " ... ", " - ", "?! ", " (", ") ", " \"", "\" "];

    private static Arbitrary<string[]> Words() =>
        Gen.Elements("app", "crash", "delivery", "late", "battery", "great", "slow", "update", "price", "support", "login", "screen",
                "lieferung", "akku", "kaputt", "schnell", "7", "2026", "v2")
            .ArrayOf().Where(w => w.Length >= NearDuplicates.MinWords).ToArbitrary();

    [Property]
    public Property Changing_case_noise_and_appending_links_keeps_the_fingerprint(int seed) =>
        Prop.ForAll(Words(), words =>
        {
            var random = new Random(seed);
            var plain = string.Join(' ', words);
            var noisy = string.Concat(words.Select(w => (random.Next(2) == 0 ? w.ToUpperInvariant() : w) + Noise[random.Next(Noise.Length)]))
                + (random.Next(2) == 0 ? " https://example.com/p/" + random.Next() : "");
            return NearDuplicates.Fingerprint(plain) == NearDuplicates.Fingerprint(noisy)
                && NearDuplicates.Fingerprint(plain) is not null;
        });

    [Property]
    public Property Replacing_a_word_with_another_changes_the_fingerprint(int position) =>
        Prop.ForAll(Words(), words =>
        {
            var changed = words.ToArray();
            var at = Math.Abs(position % words.Length);
            changed[at] = changed[at] + "x";
            return NearDuplicates.Fingerprint(string.Join(' ', words)) != NearDuplicates.Fingerprint(string.Join(' ', changed));
        });

    [Property]
    public Property Canonical_form_is_idempotent(string? text)
    {
        var canonical = NearDuplicates.Canonical(text ?? "");
        return (NearDuplicates.Canonical(canonical) == canonical).ToProperty();
    }
}
