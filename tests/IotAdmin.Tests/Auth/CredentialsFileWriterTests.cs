using System.IO;
using IotAdmin.Auth;
using Xunit;

namespace IotAdmin.Tests.Auth
{
    /// <summary>-OutFile's checks, made before a key is created: an existing file needs -Force; a folder or a missing folder never works.</summary>
    public class CredentialsFileWriterTests
    {
        [Fact]
        public void Refuses_an_existing_file_without_force_a_folder_and_a_missing_folder()
        {
            var folder = Directory.CreateTempSubdirectory("iotadmin-outfile-").FullName;
            try
            {
                var file = Path.Combine(folder, "k.json");
                Assert.Null(CredentialsFileWriter.CheckTarget(file, false));
                File.WriteAllText(file, "{}");
                Assert.Contains("-Force", CredentialsFileWriter.CheckTarget(file, false));
                Assert.Null(CredentialsFileWriter.CheckTarget(file, true));
                Assert.Contains("is a folder", CredentialsFileWriter.CheckTarget(folder, true));
                Assert.Contains("does not exist", CredentialsFileWriter.CheckTarget(Path.Combine(folder, "nope", "k.json"), true));
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void Writes_the_python_clients_format_that_connect_reads_owner_only()
        {
            var folder = Directory.CreateTempSubdirectory("iotadmin-outfile-").FullName;
            try
            {
                var file = Path.Combine(folder, "k.json");
                CredentialsFileWriter.Write(file, "key-9", ServiceAccountCredential.ToSecure("0123456789abcdef0123456789abcdef"), "sa@p.serviceaccount.d21s.com", new System.Uri("http://127.0.0.1:5080/oauth2/token"), false);
                var read = ServiceAccountCredential.FromFile(file);
                Assert.Equal("key-9", read.KeyId);
                Assert.Equal("sa@p.serviceaccount.d21s.com", read.Email);
                Assert.Equal("http://127.0.0.1:5080/oauth2/token", read.TokenEndpoint!.AbsoluteUri);
                Assert.Equal("0123456789abcdef0123456789abcdef", read.WithSecretBytes(b => System.Text.Encoding.UTF8.GetString(b)));
                Assert.Contains("\"algorithm\": \"HS256\"", File.ReadAllText(file));
                if (!System.OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                Assert.Throws<IOException>(() => CredentialsFileWriter.Write(file, "key-10", ServiceAccountCredential.ToSecure("x"), "sa@p", new System.Uri("http://127.0.0.1/t"), false));
                Assert.Equal("key-9", ServiceAccountCredential.FromFile(file).KeyId);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
