namespace IotAdmin.Emulator.Store;

/// <summary>The emulator's label rules (docs/emulator.md): DT publishes none, so these are ours, checked on every write.</summary>
internal static class LabelRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxLabelsPerDevice = 50;

    public static string? CheckKey(string? key)
    {
        if (string.IsNullOrEmpty(key)) return "label key must not be empty";
        if (key.Length > MaxKeyLength) return $"label key '{key[..20]}…' is longer than {MaxKeyLength} characters";
        if (key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '=')) return $"label key '{key}' contains white space, a control character or '='";
        return null;
    }

    public static string? CheckValue(string key, string? value)
    {
        if (value == null) return $"label '{key}' has no value";
        if (value.Length > MaxValueLength) return $"value of label '{key}' is longer than {MaxValueLength} characters";
        if (value.Any(char.IsControl)) return $"value of label '{key}' contains a control character";
        return null;
    }
}
