namespace IotAdmin.Emulator;

/// <summary>The service account the emulator accepts (its own throw-away credentials).</summary>
public sealed record EmulatorCredentials(string KeyId, string Secret, string Email)
{
    // The secret stays out of logs and test output.
    public override string ToString() => $"{KeyId} ({Email})";
}
