using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Auth;
using IotAdmin.Errors;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Validation;
using IotAdmin.Wire;

namespace IotAdmin.Operations.Admin
{
    /// <summary>
    /// Get-, New- and Remove-IotServiceAccountKey (dt-api-admin.md §4). A new key's secret arrives once: it becomes
    /// a read-only SecureString at once, and IotAdmin keeps no copy (no log, no message, no ToString shows it).
    /// </summary>
    internal static class ServiceAccountKeyOperations
    {
        private const string KeyIdAction = "Pass a key id such as the KeyId of Get-IotServiceAccountKey's output.";

        public static async Task GetAsync(AdminCall call, string projectId, string serviceAccountId, IReadOnlyList<string>? keyIds, CancellationToken cancellationToken)
        {
            if (ServiceAccountOperations.Rejected(call, projectId, serviceAccountId)) return;
            if (keyIds == null || keyIds.Count == 0)
            {
                await AdminItem.WriteAllAsync(call.Output, serviceAccountId, call.Admin.ListKeysAsync(projectId, serviceAccountId, call.Context, cancellationToken), cancellationToken).ConfigureAwait(false);
                return;
            }

            foreach (var keyId in keyIds)
            {
                if (AdminItem.Rejected(call.Output, InputRules.CheckId("Key", keyId), keyId, KeyIdAction)) continue;
                await AdminItem.TryAsync(call.Output, keyId, async () => call.Output.WriteObject(await call.Admin.GetKeyAsync(projectId, serviceAccountId, keyId, call.Context, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Makes a key and writes it (<see cref="IotNewServiceAccountKey"/>); with <paramref name="outFile"/> (a full
        /// path) also an owner-only credentials file, checked before the key is made (an existing file needs
        /// <paramref name="force"/>).
        /// </summary>
        public static async Task NewAsync(AdminCall call, string projectId, string serviceAccountId, string? outFile, bool force, CancellationToken cancellationToken)
        {
            if (ServiceAccountOperations.Rejected(call, projectId, serviceAccountId)) return;
            var target = "service account '" + serviceAccountId + "' of project '" + projectId + "'";
            if (outFile != null)
            {
                var problem = CredentialsFileWriter.CheckTarget(outFile, force);
                if (problem != null)
                {
                    call.Output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.FileExists, problem, outFile, "Pass another -OutFile, or -Force to replace the file."));
                    return;
                }
            }

            if (!call.Output.ShouldProcess(target, outFile == null ? "Create a key" : "Create a key and write it to '" + outFile + "'")) return;
            await AdminItem.TryAsync(call.Output, serviceAccountId, async () =>
            {
                var account = await call.Admin.GetServiceAccountAsync(projectId, serviceAccountId, call.Context, cancellationToken).ConfigureAwait(false);
                CreatedKeyResponse created;
                try
                {
                    created = await call.Admin.CreateKeyAsync(projectId, serviceAccountId, call.Context, cancellationToken).ConfigureAwait(false);
                }
                catch (IotApiException e) when (e.Status == CanonicalStatus.FailedPrecondition || e.StatusCode == 400)
                {
                    // The create takes no body, so a 400 is the key limit (DT's error bodies carry no canonical status).
                    throw ErrorClassifier.WithDoNotRetryAction(e, "a service account holds at most " + AdminRules.MaxKeysPerServiceAccount + " keys; remove old ones with Remove-IotServiceAccountKey first");
                }

                var key = ToNewKey(created, account, call.Session.TokenEndpoint);
                call.Output.Verbose("Created key '" + key.KeyId + "' of " + target + "; its secret is shown only in this output.");
                if (outFile != null)
                {
                    try
                    {
                        CredentialsFileWriter.Write(outFile, key.KeyId, key.Secret, key.Email, call.Session.TokenEndpoint, force);
                        key.OutFile = outFile;
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.ComponentModel.Win32Exception)
                    {
                        call.Output.WriteError(IotErrorInfo.WriteFailed(ClientErrorIds.FileWriteFailed, e, outFile, "The key was made and is in the output (Secret, Credential): save it another way, or remove it with Remove-IotServiceAccountKey."));
                    }
                }

                call.Output.WriteObject(key);
            }).ConfigureAwait(false);
        }

        /// <summary>Deletes a key; tokens already issued with it run until they expire. Deleting the session's own key says so.</summary>
        public static async Task RemoveAsync(AdminCall call, string projectId, string serviceAccountId, string keyId, CancellationToken cancellationToken)
        {
            if (ServiceAccountOperations.Rejected(call, projectId, serviceAccountId) || AdminItem.Rejected(call.Output, InputRules.CheckId("Key", keyId), keyId, KeyIdAction)) return;
            if (!call.Output.ShouldProcess("key '" + keyId + "' of service account '" + serviceAccountId + "'", "Delete the key")) return;
            if (await AdminItem.TryAsync(call.Output, keyId, () => call.Admin.DeleteKeyAsync(projectId, serviceAccountId, keyId, call.Context, cancellationToken)).ConfigureAwait(false)
                && string.Equals(keyId, call.Session.KeyId, StringComparison.Ordinal))
                call.Output.WriteWarning("Key '" + keyId + "' was this session's own key: the session works until its access token expires, then fails. Connect with another key.");
        }

        private static IotNewServiceAccountKey ToNewKey(CreatedKeyResponse created, IotServiceAccount account, Uri tokenEndpoint)
        {
            var key = DtAdminModelMapper.ToModel(created.Key ?? new KeyDto());
            var secret = created.Secret;
            created.Secret = null;
            if (string.IsNullOrEmpty(secret) || key.KeyId.Length == 0)
                throw ErrorClassifier.InvalidResponse("POST", account.Name + "/keys", 200, "(the answer lacks the key or its secret)", null);
            return new IotNewServiceAccountKey
            {
                KeyId = key.KeyId,
                Name = key.Name,
                ProjectId = account.ProjectId,
                ServiceAccountId = account.ServiceAccountId,
                Email = account.Email,
                CreateTime = key.CreateTime,
                TokenEndpoint = tokenEndpoint,
                Secret = ServiceAccountCredential.ToSecure(secret!),
            };
        }
    }
}
