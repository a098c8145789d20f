import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '../../../App';
import { json } from '../../../test/app';
import { DecisionDialog } from './DecisionDialog';
import { application, offering, VOCABULARY } from './fixtures';

interface Sent {
  path: string;
  ifMatch: string | null;
  body: unknown;
}

function setup({
  freePlaces,
  answer,
}: {
  freePlaces: number | null;
  answer?: (body: unknown) => Response;
}) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      const url = new URL(input.url);
      if (input.method === 'POST') {
        const body = await input.json();
        sent.push({ path: url.pathname, ifMatch: input.headers.get('if-match'), body });
        return answer
          ? answer(body)
          : json(200, application({ status: (body as { decision: 'admitted' }).decision }));
      }
      if (url.pathname === '/api/v1/gifted/vocabulary') return json(200, VOCABULARY);
      return json(404, { code: 'not-found' });
    }),
  );
  const onDecided = vi.fn();
  render(
    <QueryClientProvider client={createQueryClient()}>
      <DecisionDialog
        application={application()}
        offering={offering()}
        freePlaces={freePlaces}
        callerStaffId="sm1"
        onClose={() => {}}
        onDecided={onDecided}
      />
    </QueryClientProvider>,
  );
  return {
    sent,
    onDecided,
    dialog: screen.getByRole('dialog', { name: 'Besluit over Emma de Boer' }),
  };
}

describe('the committee’s decision dialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('states the selection rule and preselects the caller among the committee', () => {
    const { dialog } = setup({ freePlaces: 2 });
    expect(
      within(dialog).getByText(
        'Selectie gebeurt op onderwijsbehoefte; geen vaste IQ-grens; afkomst en geslacht zijn nooit selectiecriteria.',
      ),
    ).toBeVisible();
    expect(within(dialog).getByRole('checkbox', { name: 'Sanne de Vries (jij)' })).toBeChecked();
    expect(within(dialog).getByRole('checkbox', { name: 'Peter Jansen' })).not.toBeChecked();
    expect(within(dialog).getByText('Nog 2 vrije plaatsen.')).toBeVisible();
    expect(within(dialog).getByRole('radio', { name: 'Toelaten' })).toBeChecked();
  });

  it('needs a second committee member, then admits with If-Match', async () => {
    const user = userEvent.setup();
    const { dialog, sent, onDecided } = setup({ freePlaces: 2 });
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    const group = within(dialog).getByRole('group', { name: 'Besloten door' });
    expect(group).toHaveAccessibleDescription(/Kies minstens twee commissieleden\.$/);
    expect(sent).toHaveLength(0);

    await user.click(within(dialog).getByRole('checkbox', { name: 'Peter Jansen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalled());
    expect(sent).toEqual([
      {
        path: '/api/v1/applications/a1/decision',
        ifMatch: '"v4"',
        body: {
          decision: 'admitted',
          decided_by: ['sm1', 'sm2'],
          reason: '',
          exception: false,
          exception_reason: '',
        },
      },
    ]);
  });

  it('requires a reason to reject', async () => {
    const user = userEvent.setup();
    const { dialog, sent } = setup({ freePlaces: 2 });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Peter Jansen' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Afwijzen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    const reason = within(dialog).getByRole('textbox', { name: /^Reden/ });
    expect(reason).toHaveAccessibleDescription(/Geef een reden bij een afwijzing\./);
    expect(reason).toHaveFocus();
    expect(sent).toHaveLength(0);
    await user.type(reason, 'Onderwijsbehoefte past beter bij verrijking in de klas');
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toMatchObject({
      decision: 'rejected',
      reason: 'Onderwijsbehoefte past beter bij verrijking in de klas',
    });
  });

  it('shows "Vol" and admits into a full offering only as an exception with a reason', async () => {
    const user = userEvent.setup();
    const { dialog, sent } = setup({ freePlaces: 0 });
    expect(within(dialog).getByText('Vol')).toBeVisible();
    // Full: the waitlist is the default; choose to admit anyway.
    expect(within(dialog).getByRole('radio', { name: 'Wachtlijst' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Toelaten' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Peter Jansen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    const exception = within(dialog).getByRole('checkbox', { name: 'Uitzondering' });
    expect(exception).toHaveAccessibleDescription(/vink “Uitzondering” aan/);
    expect(exception).toHaveFocus();
    expect(sent).toHaveLength(0);

    await user.click(exception);
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    const why = within(dialog).getByRole('textbox', { name: /Reden voor de uitzondering/ });
    expect(why).toHaveAccessibleDescription('Geef de reden voor de uitzondering.');
    await user.type(why, 'Valt tussen wal en schip');
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.body).toEqual({
      decision: 'admitted',
      decided_by: ['sm1', 'sm2'],
      reason: '',
      exception: true,
      exception_reason: 'Valt tussen wal en schip',
    });
  });

  it('shows the API’s 422 next to the field it points at', async () => {
    const user = userEvent.setup();
    const { dialog } = setup({
      freePlaces: 2,
      answer: () =>
        json(422, {
          code: 'validation-failed',
          errors: [{ pointer: '/decided_by', detail: 'Jij moet een van de besluiters zijn.' }],
        }),
    });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Peter Jansen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Besluit vastleggen' }));
    expect(await within(dialog).findByRole('alert')).toBeVisible();
    expect(
      within(dialog).getByRole('group', { name: 'Besloten door' }),
    ).toHaveAccessibleDescription(/Jij moet een van de besluiters zijn\.$/);
  });
});
