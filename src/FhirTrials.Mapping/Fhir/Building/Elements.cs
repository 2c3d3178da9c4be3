using System.Globalization;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using Quantity = FhirTrials.Fhir.Model.Quantity;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Small FHIR datatype builders shared by the mappers and their reverse.</summary>
internal static class Elements
{
    public static Meta Meta(string profile)
    {
        var meta = new Meta();
        meta.ProfileElement.Add(new Canonical(profile));
        return meta;
    }

    /// <summary>A UCUM quantity of time (or any UCUM unit): unit and code both the UCUM code.</summary>
    public static T Ucum<T>(decimal value, string unit)
        where T : Quantity, new() => new() { Value = value, Unit = unit, System = SystemUris.Ucum, Code = unit };

    /// <summary>
    /// A parsed age or duration ("18 Years") as a UCUM quantity whose unit text is the word as written;
    /// the whole text goes into the originalText extension when it is not "value word". Null when the
    /// text has no value or unit.
    /// </summary>
    public static T? FromParsedDuration<T>(ParsedDuration duration)
        where T : Quantity, new()
    {
        if (duration.Value is not { } value || duration.Unit is not { } unit)
        {
            return null;
        }

        var quantity = new T { Value = value, System = SystemUris.Ucum, Code = unit };
        var prefix = value.ToString(CultureInfo.InvariantCulture) + " ";
        var word = duration.Text.StartsWith(prefix, StringComparison.Ordinal) ? duration.Text[prefix.Length..] : "";
        if (word.Length > 0 && string.Equals(word, word.Trim(), StringComparison.Ordinal))
        {
            quantity.Unit = word;
        }
        else
        {
            quantity.Unit = unit;
            quantity.AddExtension(ExtensionUrls.OriginalText, new FhirString(duration.Text));
        }

        return quantity;
    }

    /// <summary>The reverse of <see cref="FromParsedDuration{T}"/>.</summary>
    public static ParsedDuration ToParsedDuration(Quantity quantity) => new()
    {
        Text = quantity.GetExtensionValue(ExtensionUrls.OriginalText) is FhirString { Value: { } text }
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{quantity.Value} {quantity.Unit}"),
        Value = quantity.Value,
        Unit = quantity.Code,
    };

    /// <summary>Phone (with its extension in the contactpoint-extension extension) and email of a contact.</summary>
    public static void AddTelecom(List<ContactPoint> telecom, Contact contact)
    {
        if (contact.Phone is not null || contact.PhoneExt is not null)
        {
            var phone = new ContactPoint { System = ContactPointSystem.Phone, Value = contact.Phone };
            if (contact.PhoneExt is { } extension)
            {
                phone.AddExtension(ExtensionUrls.ContactPointExtension, new FhirString(extension));
            }

            telecom.Add(phone);
        }

        if (contact.Email is { } email)
        {
            telecom.Add(new ContactPoint { System = ContactPointSystem.Email, Value = email });
        }
    }

    /// <summary>A contact's name, role and telecom back as a record contact.</summary>
    public static Contact ToContact(string? name, ContactRole? role, IEnumerable<ContactPoint> telecom)
    {
        var phone = telecom.FirstOrDefault(t => t.System == ContactPointSystem.Phone);
        return new Contact
        {
            Name = name,
            Role = role,
            Phone = phone?.Value,
            PhoneExt = (phone?.GetExtensionValue(ExtensionUrls.ContactPointExtension) as FhirString)?.Value,
            Email = telecom.FirstOrDefault(t => t.System == ContactPointSystem.Email)?.Value,
        };
    }

    /// <summary>A decimal written exactly as the shortest round-trip form of a double (geo coordinates).</summary>
    public static FhirDecimal Decimal(double value) => new() { LexicalValue = value.ToString("R", CultureInfo.InvariantCulture) };

    public static double? Double(FhirDecimal? value) =>
        value?.LexicalValue is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
