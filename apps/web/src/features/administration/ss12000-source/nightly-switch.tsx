import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SavedSwitch } from '../../../components/ui/saved-switch';
import type { Ss12000SourceFieldsFragment } from '../../../gql/graphql';
import { SetSs12000NightlyRunDocument, Ss12000SourceDocument } from './operations';

/** The nightly import, on or off. */
export function NightlySwitch({ source }: { source: Ss12000SourceFieldsFragment }) {
  const { t } = useTranslation();
  const [setNightly] = useMutation(SetSs12000NightlyRunDocument, {
    // The source has no id of its own to be found by in the cache: the answer replaces the query's.
    update: (cache, { data }) => {
      if (data) cache.writeQuery({ query: Ss12000SourceDocument, data: { ss12000Source: data.setSs12000NightlyRun } });
    },
  });
  return (
    <SavedSwitch
      className="ss12000-nightly"
      testId="ss12000-nightly"
      checked={source.nightlyRun}
      texts={{
        label: t('administration.ss12000.nightly.label'),
        hint: t('administration.ss12000.nightly.hint'),
        savedOn: t('administration.ss12000.nightly.savedOn'),
        savedOff: t('administration.ss12000.nightly.savedOff'),
        failed: t('administration.saveFailed'),
      }}
      save={async (on) => {
        const { data } = await setNightly({ variables: { on } });
        if (!data) throw new Error('setSs12000NightlyRun returned no data');
        return data.setSs12000NightlyRun.nightlyRun;
      }}
    />
  );
}
