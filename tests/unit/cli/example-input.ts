/** A valid calculator input; tests copy it and break one field at a time. */
export function exampleInput() {
  return {
    contract: {
      recruitmentTarget: 6000,
      setUpFee: "149651",
      monthlyServiceFee: null as string | null,
      upliftAmount: "100" as string | null,
      vatChargeable: true,
      mentorFunding: false,
      bands: [
        { min: null, max: 2000, perParticipant: "995", outputPaymentPercentage: 60, serviceFeePercentage: 40 },
        { min: 2001, max: 4000, perParticipant: "979", outputPaymentPercentage: 60, serviceFeePercentage: 40 },
        { min: 4001, max: null, perParticipant: "966", outputPaymentPercentage: 60, serviceFeePercentage: 40 },
      ],
    },
    mentorContract: { paymentPerParticipant: "1000" } as { paymentPerParticipant: string } | undefined,
    statements: [
      {
        id: "S1",
        lines: [
          { declarationType: "started", participantType: "ect", state: "paid", uplift: true, count: 2100 },
          { declarationType: "started", participantType: "mentor", state: "paid", count: 5 },
        ] as Record<string, unknown>[],
        adjustments: ["-100.00"] as unknown[],
        reconcileAmount: "0" as unknown,
      },
      {
        id: "S2",
        lines: [
          { declarationType: "started", participantType: "ect", state: "eligible", uplift: false, count: "2000" },
          { declarationType: "started", participantType: "ect", state: "awaiting_clawback", uplift: true, count: 1 },
        ] as Record<string, unknown>[],
      },
    ],
  };
}
