package org.linuxrouter.ha.status.cluster;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.linuxrouter.ha.status.Malformed;
import org.linuxrouter.ha.status.Parsing;
import org.linuxrouter.ha.status.Reading;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads Pacemaker 2.1's {@code crm_mon -1 --output-as=xml} ({@code <pacemaker-result>}; schema
 * xml/api/crm_mon-2.*.rng): {@code summary/current_dc@with_quorum}, {@code nodes/node} (online, standby,
 * unclean, maintenance), every {@code resource} (failed, blocked, managed, role) and {@code failures/failure}.
 */
public final class CrmMonParser {
    private CrmMonParser() {
    }

    public static Reading<ClusterStatus> parse(String xml) {
        return Parsing.guard("crm_mon --output-as=xml", xml, () -> parseOrThrow(xml));
    }

    private static ClusterStatus parseOrThrow(String xml) {
        Element root = document(xml).getDocumentElement();
        if (!root.getTagName().equals("pacemaker-result")) {
            throw new Malformed("root element is <" + root.getTagName() + ">, not <pacemaker-result>");
        }
        Element status = only(root, "status");
        if (status == null) {
            throw new Malformed("no <status> element (output truncated?)");
        }
        if (!status.getAttribute("code").equals("0")) {
            // e.g. code 102 "Not connected": the cluster stack is down on this node
            List<String> problems = List.of("crm_mon: " + status.getAttribute("message") + " (code "
                    + status.getAttribute("code") + ")");
            return new ClusterStatus(ClusterStatus.Stack.PACEMAKER, false, List.of(), problems);
        }
        List<String> problems = new ArrayList<>();
        Element summary = only(root, "summary");
        Element dc = summary == null ? null : only(summary, "current_dc");
        if (dc == null || !dc.getAttribute("present").equals("true")) {
            problems.add("no designated controller (DC)");
        } else if (!dc.getAttribute("with_quorum").equals("true")) {
            problems.add("partition without quorum");
        }
        List<ClusterNode> nodes = nodes(root, problems);
        resources(root, problems);
        Element failures = only(root, "failures");
        if (failures != null) {
            for (Element f : children(failures, "failure")) {
                problems.add("failed action " + f.getAttribute("op_key") + " on " + f.getAttribute("node") + ": "
                        + f.getAttribute("exitstatus")
                        + (f.getAttribute("exitreason").isEmpty() ? "" : " (" + f.getAttribute("exitreason") + ")"));
            }
        }
        return new ClusterStatus(ClusterStatus.Stack.PACEMAKER, true, nodes, problems);
    }

    private static List<ClusterNode> nodes(Element root, List<String> problems) {
        Element nodesEl = only(root, "nodes");
        if (nodesEl == null) {
            throw new Malformed("no <nodes> element");
        }
        List<ClusterNode> nodes = new ArrayList<>();
        for (Element n : children(nodesEl, "node")) {
            String name = n.getAttribute("name");
            boolean online = n.getAttribute("online").equals("true");
            String detail = !online ? "offline"
                    : n.getAttribute("unclean").equals("true") ? "unclean"
                    : n.getAttribute("standby").equals("true") ? "standby"
                    : n.getAttribute("maintenance").equals("true") ? "maintenance" : "online";
            if (!detail.equals("online")) {
                problems.add("pacemaker node " + name + " is " + detail);
            }
            nodes.add(new ClusterNode(name, online, detail));
        }
        return nodes;
    }

    private static void resources(Element root, List<String> problems) {
        Element resources = only(root, "resources");
        if (resources == null) {
            return;
        }
        NodeList all = resources.getElementsByTagName("resource");
        for (int i = 0; i < all.getLength(); i++) {
            Element r = (Element) all.item(i);
            String id = r.getAttribute("id");
            if (r.getAttribute("failed").equals("true")) {
                problems.add("resource " + id + " failed");
            } else if (r.getAttribute("blocked").equals("true")) {
                problems.add("resource " + id + " blocked");
            } else if (r.getAttribute("managed").equals("false")) {
                problems.add("resource " + id + " unmanaged");
            }
        }
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // crm_mon output never has a DTD; refusing one closes XXE and entity-expansion attacks.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // the default handler would print to stderr and go on
                }
            });
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("JDK XML parser lacks a standard feature", e);
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw new Malformed("not well-formed XML (" + e.getMessage() + ")");
        }
    }

    private static Element only(Element parent, String tag) {
        List<Element> c = children(parent, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(tag)) {
                out.add((Element) n);
            }
        }
        return out;
    }
}
