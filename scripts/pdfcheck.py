#!/usr/bin/env python3
"""Independent checks of PortalPDF output, for the Swift tests.

  pdfcheck.py inspect FILE            PDF/A and tagging facts as JSON (pikepdf)
  pdfcheck.py seal FILE CERT.pem      seal validation as JSON (pyHanko)

Prints facts, not verdicts: the tests decide what is expected.
"""
import json
import sys


def inspect(path):
    import pikepdf

    pdf = pikepdf.open(path)
    root = pdf.Root
    meta = pdf.open_metadata()
    facts = {
        "encrypted": pdf.is_encrypted,
        "pdfaid_part": meta.get("pdfaid:part"),
        "pdfaid_conformance": meta.get("pdfaid:conformance"),
        "dc_title": meta.get("dc:title"),
        "lang": str(root.get("/Lang", "")),
        "display_doc_title": bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)),
        "marked": bool(root.get("/MarkInfo", {}).get("/Marked", False)),
        "output_intents": [],
        "structure": [],
        "attachments": {},
    }
    for intent in root.get("/OutputIntents", []):
        profile = intent.DestOutputProfile.read_bytes()
        facts["output_intents"].append({
            "subtype": str(intent.S),
            "condition": str(intent.get("/OutputConditionIdentifier", "")),
            "profile_signature": profile[36:40].decode("latin-1"),
            "profile_colour_space": profile[16:20].decode("latin-1"),
            "profile_components": int(intent.DestOutputProfile.N),
        })

    def walk(node, depth):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid, depth)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.get("/Type") == "/StructElem" or "/S" in node and "/Type" not in node:
            facts["structure"].append([depth, str(node.S)[1:]])
            walk(node.get("/K"), depth + 1)

    tree = root.get("/StructTreeRoot")
    facts["has_struct_tree_root"] = tree is not None
    if tree is not None:
        walk(tree.get("/K"), 0)

    for name, spec in pdf.attachments.items():
        facts["attachments"][name] = {
            "content": spec.get_file().read_bytes().decode("utf-8"),
            "mime_type": spec.get_file().mime_type,
            "relationship": str(spec.obj.get("/AFRelationship", "")),
        }
    facts["af_count"] = len(root.get("/AF", []))
    print(json.dumps(facts, ensure_ascii=False))


def seal(path, cert_path):
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    facts = {}
    try:
        with open(path, "rb") as handle:
            reader = PdfFileReader(handle)
            signatures = reader.embedded_signatures
            facts["count"] = len(signatures)
            signature = signatures[0]
            facts["sub_filter"] = str(signature.sig_object.get("/SubFilter"))
            attributes = signature.signer_info["signed_attrs"]
            facts["signed_attributes"] = sorted(a["type"].native for a in attributes)
            context = ValidationContext(trust_roots=[load_cert_from_pemder(cert_path)])
            status = validate_pdf_signature(signature, context)
            facts.update({
                "intact": status.intact,
                "valid": status.valid,
                "trusted": status.trusted,
                "bottom_line": status.bottom_line,
                "coverage": status.coverage.name,
                "signer": status.signing_cert.subject.human_friendly,
            })
    except Exception as error:  # a broken file is a result, not a crash
        facts.update({"intact": False, "valid": False, "bottom_line": False, "error": f"{type(error).__name__}: {error}"})
    print(json.dumps(facts, ensure_ascii=False))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "inspect" and len(sys.argv) == 3:
        inspect(sys.argv[2])
    elif command == "seal" and len(sys.argv) == 4:
        seal(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
