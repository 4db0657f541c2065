namespace Tilskudd.Infrastructure.Registers;

/// <summary>Which Brønnøysund registers the product asks: the recorded answers (the default) or the live open-data API.</summary>
public sealed class RegistersOptions
{
    public const string Section = "Tilskudd:Registers";

    /// <summary><see cref="RegisterMode.Recorded"/> locally and in tests; <see cref="RegisterMode.Live"/> in Azure.</summary>
    public RegisterMode Mode { get; set; } = RegisterMode.Recorded;

    /// <summary>Enhetsregisteret's open-data API, ending in a slash; the live client asks <c>{BaseAddress}enheter/{orgnr}</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://data.brreg.no/enhetsregisteret/api/");
}

public enum RegisterMode
{
    /// <summary>Invented organisations answered from files in Enhetsregisteret's shape: this machine cannot reach the register.</summary>
    Recorded,

    /// <summary>Enhetsregisteret's open-data API (no key needed).</summary>
    Live,
}
