using GamifyHub.Domain.Classification;

namespace GamifyHub.Domain.Tests.Classification;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("I love this app, it is very fast")]
    [InlineData("Why does the update crash on my phone?")]
    [InlineData("Please fix the login, it doesn't work")]
    [InlineData("The delivery was late and the box was damaged")]
    public void ClearEnglishIsEnglish(string text)
    {
        Assert.Equal("en", LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("Die App ist sehr langsam und stürzt immer wieder ab")]
    [InlineData("Ich habe seit Tagen keine Antwort bekommen")]
    [InlineData("Warum ist das Update so groß?")]
    [InlineData("Danke für die schnelle Hilfe")]
    public void ClearGermanIsGerman(string text)
    {
        Assert.Equal("de", LanguageDetector.Detect(text));
    }

    [Fact]
    public void UmlautsTipTextWithoutFunctionWordsToGerman()
    {
        Assert.Equal("de", LanguageDetector.Detect("Größe passt"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("12345 !!!")]
    [InlineData("Hola amigos, qué tal")]
    [InlineData("👍👍👍")]
    public void TextWithoutKnownWordsIsUndetermined(string text)
    {
        Assert.Equal("und", LanguageDetector.Detect(text));
    }

    [Fact]
    public void DetectionIgnoresCase()
    {
        Assert.Equal("de", LanguageDetector.Detect("DAS IST NICHT GUT"));
        Assert.Equal("en", LanguageDetector.Detect("THIS IS NOT GOOD"));
    }
}
