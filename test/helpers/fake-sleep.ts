/** A sleep that records its delays and returns at once: retry tests never wait. */
const fakeSleep = () => {
  const delays: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    delays.push(ms);
  };
  return { sleep, delays };
};

export { fakeSleep };
