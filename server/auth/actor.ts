/** Who does something and from where: a signed-in admin, or the command line. */
export interface Actor {
  id: string | null;
  name: string;
  /** The region whose accounts and audit rows the actor may touch. */
  regionId: string;
  address: string;
}

export const cliActor = (regionId: string): Actor => ({
  id: null,
  name: 'cli',
  regionId,
  address: 'cli',
});
