using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json;

namespace IotAdmin.Auth
{
    /// <summary>
    /// Writes a DT credentials file, the python client's format that Connect-IotAdmin -CredentialsFile reads
    /// (<see cref="ServiceAccountCredential.FromFile"/>): {"serviceAccount":{"keyId","secret","email","algorithm","tokenEndpoint"}}.
    /// The file is owner-only from the start; the secret is in plain text only in buffers cleared right after.
    /// </summary>
    internal static class CredentialsFileWriter
    {
        /// <summary>Why <paramref name="path"/> cannot be written (exists without force, no such folder), or null.</summary>
        public static string? CheckTarget(string path, bool force)
        {
            if (Directory.Exists(path)) return "'" + path + "' is a folder; -OutFile takes a file path.";
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder)) return "The folder of '" + path + "' does not exist.";
            return File.Exists(path) && !force ? "'" + path + "' exists; IotAdmin does not overwrite a credentials file unless -Force is given." : null;
        }

        public static void Write(string path, string keyId, SecureString secret, string email, Uri tokenEndpoint, bool force)
        {
            var chars = new char[secret.Length];
            var ptr = IntPtr.Zero;
            byte[]? json = null;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
                Marshal.Copy(ptr, chars, 0, chars.Length);
                using (var buffer = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                    {
                        writer.WriteStartObject();
                        writer.WriteStartObject("serviceAccount");
                        writer.WriteString("keyId", keyId);
                        writer.WriteString("secret", chars.AsSpan());
                        writer.WriteString("email", email);
                        writer.WriteString("algorithm", "HS256");
                        writer.WriteString("tokenEndpoint", tokenEndpoint.AbsoluteUri);
                        writer.WriteEndObject();
                        writer.WriteEndObject();
                    }

                    json = buffer.ToArray();
                    Array.Clear(buffer.GetBuffer(), 0, (int)buffer.Length);
                }

                using var file = OwnerOnlyFile.Create(path, force);
                file.Write(json, 0, json.Length);
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
                Array.Clear(chars, 0, chars.Length);
                if (json != null) Array.Clear(json, 0, json.Length);
            }
        }
    }
}
