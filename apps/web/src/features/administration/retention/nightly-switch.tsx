import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SavedSwitch } from '../../../components/ui/saved-switch';
import { RetentionPolicyDocument, SetRetentionNightlyDocument } from './operations';

/** Deletion every night, on or off (off until the administrator has read the dry run: deleting cannot be undone). */
export function NightlySwitch({ on }: { on: boolean }) {
  const { t } = useTranslation();
  const [setNightly] = useMutation(SetRetentionNightlyDocument, {
    // The policy has no id of its own to be found by in the cache: the answer replaces the query's.
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: RetentionPolicyDocument, data: { retentionPolicy: data.setRetentionNightly } });
    },
  });
  return (
    <SavedSwitch
      className="retention-nightly"
      testId="retention-nightly"
      checked={on}
      texts={{
        label: t('administration.retention.nightly.label'),
        hint: t('administration.retention.nightly.hint'),
        savedOn: t('administration.retention.nightly.savedOn'),
        savedOff: t('administration.retention.nightly.savedOff'),
        failed: t('administration.saveFailed'),
      }}
      save={async (next) => {
        const { data } = await setNightly({ variables: { on: next } });
        if (!data) throw new Error('setRetentionNightly returned no data');
        return data.setRetentionNightly.nightlyDeletion;
      }}
    />
  );
}
