import type { Metadata } from "next";
import { DeclarationListPage, declarationListTitle } from "../../_components/declaration-list-page";

type Props = { params: Promise<{ statementId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return declarationListTitle((await params).statementId, "clawbacks");
}

export default async function ClawedBackDeclarationsPage({ params, searchParams }: Props) {
  return <DeclarationListPage statementId={(await params).statementId} list="clawbacks" searchParams={await searchParams} />;
}
